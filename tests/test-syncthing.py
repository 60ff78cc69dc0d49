#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two devices, one data folder, real Syncthing.

Starts two Syncthing instances on this machine ("laptop" and "desktop"),
each syncing its own Upskill data folder with the other over 127.0.0.1
(no discovery, relays or network beyond loopback), and drives the real
`upskill` program on both, as a coach with two computers would:

1. a profile imported on the laptop arrives on the desktop, whole;
2. the same profile changed on both while they could not reach each
   other: Syncthing keeps one version and a conflict copy. Upskill lists
   the profile once (the copy is not a second client), merging the copy
   keeps both changes, and after the next sync both devices hold the
   merged profile and no copy;
3. Upskill's temporary files and its index never travel.

Usage: test-syncthing.py UPSKILL_BINARY SAMPLE.json
Prints TAP; skips when syncthing is not installed.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET

FOLDER_ID = "upskill-data"
# Bounds that only stop a hung run (Syncthing rescans every second here).
SYNC_TIMEOUT_S = 240

n_tests = 0
failed = False


def ok(condition, description):
    global n_tests, failed
    n_tests += 1
    print(("ok" if condition else "not ok"), n_tests, "-", description, flush=True)
    if not condition:
        failed = True
    return condition


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Device:
    def __init__(self, name, root):
        self.name = name
        self.home = os.path.join(root, name, "syncthing")
        self.data = os.path.join(root, name, "upskill")
        self.profiles = os.path.join(self.data, "profiles")
        os.makedirs(self.data, mode=0o700)
        out = subprocess.run(["syncthing", "generate", "--home=" + self.home, "--no-default-folder"],
                             capture_output=True, text=True, check=True)
        self.id = next(line.split("Device ID:")[1].strip()
                       for line in (out.stdout + out.stderr).splitlines() if "Device ID:" in line)
        self.gui_port = free_port()
        self.listen_port = free_port()
        self.process = None
        self.api_key = None

    def configure(self, peer):
        path = os.path.join(self.home, "config.xml")
        tree = ET.parse(path)
        root = tree.getroot()
        self.api_key = root.find("gui/apikey").text
        root.find("gui/address").text = "127.0.0.1:%d" % self.gui_port
        options = root.find("options")
        settings = {
            "listenAddress": "tcp://127.0.0.1:%d" % self.listen_port,
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "startBrowser": "false",
            "urAccepted": "-1",
            "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0",
            "reconnectionIntervalS": "1",
        }
        for key, value in settings.items():
            element = options.find(key)
            if element is None:
                element = ET.SubElement(options, key)
            element.text = value

        device = ET.SubElement(root, "device", id=peer.id, name=peer.name, compression="metadata",
                               introducer="false", skipIntroductionRemovals="false", introducedBy="")
        ET.SubElement(device, "address").text = "tcp://127.0.0.1:%d" % peer.listen_port
        ET.SubElement(device, "paused").text = "false"

        folder = ET.SubElement(root, "folder", id=FOLDER_ID, label="Upskill", path=self.data,
                               type="sendreceive", rescanIntervalS="1", fsWatcherEnabled="true",
                               fsWatcherDelayS="1", ignorePerms="false", autoNormalize="true")
        ET.SubElement(folder, "filesystemType").text = "basic"
        for member in (self, peer):
            ET.SubElement(folder, "device", id=member.id, introducedBy="")
        ET.SubElement(folder, "markerName").text = ".stfolder"
        ET.SubElement(folder, "maxConflicts").text = "10"
        tree.write(path)

    def start(self):
        log = open(os.path.join(self.home, "log.txt"), "w")
        env = dict(os.environ, STNOUPGRADE="1", STNORESTART="1")
        self.process = subprocess.Popen(["syncthing", "serve", "--home=" + self.home, "--no-browser",
                                         "--no-restart", "--no-upgrade"],
                                        stdout=log, stderr=subprocess.STDOUT, env=env)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def rest(self, path, method="GET"):
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.gui_port, path), method=method,
                                         headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            return json.loads(body) if body else None

    def connected_to(self, peer):
        try:
            connections = self.rest("/rest/system/connections")["connections"]
        except OSError:
            return False
        return connections.get(peer.id, {}).get("connected", False)

    def in_sync(self):
        try:
            status = self.rest("/rest/db/status?folder=" + FOLDER_ID)
        except OSError:
            return False
        return status.get("state") == "idle" and status.get("needTotalItems", 1) == 0

    def upskill(self, *args):
        env = dict(os.environ, UPSKILL_DATA_DIR=self.data)
        env.pop("G_DEBUG", None)
        return subprocess.run([UPSKILL] + list(args), capture_output=True, text=True, env=env)

    def list_profiles(self):
        result = self.upskill("--list-profiles", "--format=json")
        if result.returncode != 0:
            return None
        return json.loads(result.stdout)

    def read(self, profile_id):
        with open(os.path.join(self.profiles, profile_id + ".json")) as f:
            return json.load(f)

    def conflict_copies(self):
        if not os.path.isdir(self.profiles):
            return []
        return sorted(n for n in os.listdir(self.profiles) if ".sync-conflict-" in n)


def wait_until(condition, timeout=SYNC_TIMEOUT_S):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


def note_texts(profile):
    return [note["text"] for note in profile.get("notes", [])]


def with_note(profile, note_id, text):
    changed = json.loads(json.dumps(profile))
    changed.setdefault("notes", []).append({"id": note_id, "date": "2026-12-03", "text": text})
    changed["modified"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return changed


def change_profile(device, work, profile_id, note_id, text):
    """Adds a note the way Upskill writes: read the stored version, then
    merge the change over exactly that version (--if-exists=merge)."""
    path = os.path.join(work, "%s-%s.json" % (device.name, note_id))
    with open(path, "w") as f:
        json.dump(with_note(device.read(profile_id), note_id, text), f)
    return device.upskill("--import", path, "--if-exists=merge")


def both_in_sync(a, b):
    return a.in_sync() and b.in_sync()


def main():
    global UPSKILL
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    UPSKILL, sample = sys.argv[1], sys.argv[2]

    if shutil.which("syncthing") is None:
        print("1..0 # SKIP syncthing is not installed")
        return 0

    print("1..13", flush=True)
    work = tempfile.mkdtemp(prefix="upskill-syncthing-")
    laptop = Device("laptop", work)
    desktop = Device("desktop", work)
    try:
        laptop.configure(desktop)
        desktop.configure(laptop)
        laptop.start()
        desktop.start()

        ok(wait_until(lambda: laptop.connected_to(desktop) and desktop.connected_to(laptop)),
           "the two Syncthing instances connect")

        # 1. Imported on the laptop, it arrives on the desktop.
        result = laptop.upskill("--import", sample)
        profile_id = result.stdout.strip()
        ok(result.returncode == 0 and profile_id != "", "imported on the laptop: " + result.stderr.strip())
        arrived = wait_until(lambda: os.path.exists(os.path.join(desktop.profiles, profile_id + ".json"))
                             and both_in_sync(laptop, desktop))
        listed = desktop.list_profiles() or []
        ok(arrived and [p["id"] for p in listed] == [profile_id],
           "the desktop lists it once: %s" % [p["id"] for p in listed])
        ok(arrived and desktop.read(profile_id) == laptop.read(profile_id),
           "the desktop's copy is the laptop's, byte for byte in content")

        # 2. Changed on both while apart.
        for device in (laptop, desktop):
            device.rest("/rest/system/pause", method="POST")
        ok(wait_until(lambda: not laptop.connected_to(desktop) and not desktop.connected_to(laptop)),
           "the devices are apart")
        r1 = change_profile(laptop, work, profile_id, "laptop-note", "Written on the laptop while apart")
        time.sleep(1.1)  # a later change on the desktop: its version wins the file
        r2 = change_profile(desktop, work, profile_id, "desktop-note", "Written on the desktop while apart")
        ok(r1.returncode == 0 and r2.returncode == 0,
           "each device saved its change: %s %s" % (r1.stderr.strip(), r2.stderr.strip()))
        for device in (laptop, desktop):
            device.rest("/rest/system/resume", method="POST")

        got_copy = wait_until(lambda: len(laptop.conflict_copies()) > 0 and len(desktop.conflict_copies()) > 0
                              and both_in_sync(laptop, desktop))
        ok(got_copy, "Syncthing kept one version and a conflict copy: %s" % laptop.conflict_copies())

        listed_laptop = [p["id"] for p in laptop.list_profiles() or []]
        listed_desktop = [p["id"] for p in desktop.list_profiles() or []]
        ok(listed_laptop == [profile_id] and listed_desktop == [profile_id],
           "the conflict copy is no second client: %s / %s" % (listed_laptop, listed_desktop))

        # Merging the copy (what the window's "Merge" does) keeps both.
        copy = laptop.conflict_copies()[0] if got_copy else None
        merged = copy is not None and laptop.upskill(
            "--import", os.path.join(laptop.profiles, copy), "--if-exists=merge").returncode == 0
        if merged:
            os.unlink(os.path.join(laptop.profiles, copy))
        texts = note_texts(laptop.read(profile_id))
        ok(merged and "Written on the laptop while apart" in texts and "Written on the desktop while apart" in texts,
           "merged on the laptop, both changes are there")

        synced = wait_until(lambda: desktop.conflict_copies() == [] and laptop.conflict_copies() == []
                            and both_in_sync(laptop, desktop)
                            and note_texts(desktop.read(profile_id)) == note_texts(laptop.read(profile_id)))
        ok(synced, "after the next sync the desktop holds the merged profile and no copy")
        desktop_texts = note_texts(desktop.read(profile_id))
        ok(desktop_texts.count("Written on the laptop while apart") == 1
           and desktop_texts.count("Written on the desktop while apart") == 1,
           "each change once on the desktop")

        # 3. Upskill's temporaries and its index never travel (Syncthing's
        # own ".syncthing.*.tmp" come and go as it pulls).
        strays = [n for d in (laptop, desktop) for n in os.listdir(d.profiles) + os.listdir(d.data)
                  if n.startswith("~syncthing~upskill-") or n == "index.json"]
        ok(strays == [], "no Upskill temporary file or index in either folder: %s" % strays)
        ok(desktop.list_profiles() is not None and laptop.list_profiles() is not None,
           "both data folders still read cleanly")
    finally:
        laptop.stop()
        desktop.stop()
        if failed:
            for device in (laptop, desktop):
                with open(os.path.join(device.home, "log.txt")) as log:
                    sys.stderr.write("---- %s's Syncthing log ----\n%s" % (device.name, log.read()[-4000:]))
        shutil.rmtree(work, ignore_errors=True)

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
