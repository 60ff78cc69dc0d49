/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Watches a program start from outside, as a user sees it, for
 * build-aux/bench-startup. Not part of the application.
 *
 *   bench-startup-probe [-q QUIET_MS] [-t TIMEOUT_MS] [-k KEYS] [-s DIR] -- PROGRAM ARGS...
 *
 * Starts PROGRAM and, on the X display, waits for its top-level window to
 * be mapped and for the first frame that is not blank (more than one
 * colour). Then it waits until the window has not changed for QUIET_MS
 * ("settled": the time of the last change, e.g. once a list has loaded).
 * Then, for each key in KEYS (comma-separated, e.g. "alt+1,alt+3"), it
 * presses the key with XTest and waits again until the window is quiet:
 * the time from the key press to the last frame it caused ("keys"), and
 * to the first frame that already looked, below the header bars, as the
 * window does once quiet ("shown": the page is there; what follows only
 * animates the header bar's buttons). Before each key, and at the end, it
 * reads the peak resident set (VmHWM). With -s DIR it saves what the
 * window shows then as DIR/settled.png, DIR/key-1.png, … to look at.
 *
 * Prints one line of key=value pairs, times in milliseconds:
 *   map=… first_paint=… settled=… rss_kib=… keys=…,… shown=…,… rss_end_kib=…
 */
#include <cairo.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static Display *display;
static int damage_event_base;
static Window window;
static Damage damage;
static double start_ms;
static double last_damage_ms;
static double first_paint_ms = -1;
static double map_ms = -1;
static pid_t child;
static int verbose;

/* While a key's frames are watched: what each frame showed below the
 * header bars, to find the first one that shows the page as it stays. */
#define MAX_FRAMES 64
#define HEADER_HEIGHT 50
static int collecting;
static int n_frames;
static XImage *frames[MAX_FRAMES];
static double frame_ms[MAX_FRAMES];

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
ignore_x_error (Display     *d,
                XErrorEvent *e)
{
  (void) d;
  (void) e;
  return 0;
}

/* Blank: a single colour, as before the program draws anything. */
static int
window_is_painted (void)
{
  XWindowAttributes attributes;
  XImage *image;
  unsigned long first;
  int painted = 0;

  if (!XGetWindowAttributes (display, window, &attributes) ||
      attributes.map_state != IsViewable)
    return 0;

  image = XGetImage (display, window, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;

  first = XGetPixel (image, 0, 0);
  for (int y = 0; y < attributes.height && !painted; y += 3)
    for (int x = 0; x < attributes.width; x += 3)
      if (XGetPixel (image, x, y) != first)
        {
          painted = 1;
          break;
        }

  XDestroyImage (image);
  return painted;
}

static void
watch (Window candidate)
{
  XWindowAttributes attributes;

  if (window != None)
    return;
  if (!XGetWindowAttributes (display, candidate, &attributes))
    return;
  /* GTK's helper windows are tiny or override-redirect. */
  if (attributes.override_redirect || attributes.width < 100 || attributes.height < 100)
    return;

  window = candidate;
  map_ms = now_ms ();
  if (verbose)
    fprintf (stderr, "map %.1f (%dx%d)\n", map_ms - start_ms, attributes.width, attributes.height);
  damage = XDamageCreate (display, window, XDamageReportNonEmpty);
  XSync (display, False);
  if (window_is_painted ())
    first_paint_ms = last_damage_ms = now_ms ();
}

static void
handle (XEvent *event)
{
  if (event->type == MapNotify)
    {
      watch (event->xmap.window);
    }
  else if (event->type == damage_event_base + XDamageNotify)
    {
      XDamageNotifyEvent *notify = (XDamageNotifyEvent *) event;

      if (notify->drawable != window)
        return;
      XDamageSubtract (display, damage, None, None);
      last_damage_ms = now_ms ();
      if (verbose)
        fprintf (stderr, "damage %.1f\n", last_damage_ms - start_ms);
      if (first_paint_ms < 0 && window_is_painted ())
        first_paint_ms = last_damage_ms;
      if (collecting)
        {
          XWindowAttributes attributes;

          /* Full: the last one stands for the newest, which must be kept. */
          if (n_frames == MAX_FRAMES)
            {
              n_frames--;
              XDestroyImage (frames[n_frames]);
            }
          if (XGetWindowAttributes (display, window, &attributes) &&
              attributes.height > HEADER_HEIGHT)
            {
              frames[n_frames] = XGetImage (display, window, 0, HEADER_HEIGHT,
                                            attributes.width, attributes.height - HEADER_HEIGHT,
                                            AllPlanes, ZPixmap);
              if (frames[n_frames] != NULL)
                frame_ms[n_frames++] = last_damage_ms;
            }
        }
    }
}

/* Handles events until @until (absolute, ms) or until @done says so. */
static void
pump (double until,
      int  (*done) (void))
{
  while (!done ())
    {
      double left = until - now_ms ();
      struct pollfd pfd = { ConnectionNumber (display), POLLIN, 0 };

      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          handle (&event);
          if (done ())
            return;
        }

      if (left <= 0)
        return;
      if (waitpid (child, NULL, WNOHANG) == child)
        {
          fprintf (stderr, "bench-startup-probe: the program exited early\n");
          exit (2);
        }
      poll (&pfd, 1, left > 20 ? 20 : (int) left + 1);
    }
}

static int
painted (void)
{
  return first_paint_ms >= 0;
}

static int quiet_ms = 1500;
static double quiet_from_ms;

/* Nothing changed for quiet_ms since the last frame, or since
 * quiet_from_ms if nothing changed at all. */
static int
quiet (void)
{
  double since = last_damage_ms > quiet_from_ms ? last_damage_ms : quiet_from_ms;

  return now_ms () - since >= quiet_ms;
}

static int
changed (void)
{
  return last_damage_ms > 0;
}

static const char *shot_dir;

static void
save_shot (const char *name)
{
  XWindowAttributes attributes;
  cairo_surface_t *surface;
  XImage *image;
  char path[4096];

  if (shot_dir == NULL || !XGetWindowAttributes (display, window, &attributes))
    return;
  image = XGetImage (display, window, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, attributes.width, attributes.height);
  cairo_surface_flush (surface);
  for (int y = 0; y < attributes.height; y++)
    {
      uint32_t *row = (uint32_t *) (cairo_image_surface_get_data (surface) +
                                    y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < attributes.width; x++)
        row[x] = XGetPixel (image, x, y) & 0xffffff;
    }
  cairo_surface_mark_dirty (surface);
  snprintf (path, sizeof path, "%s/%s.png", shot_dir, name);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  XDestroyImage (image);
}

static int
same_image (XImage *a,
            XImage *b)
{
  return a->width == b->width && a->height == b->height &&
         a->bytes_per_line == b->bytes_per_line &&
         memcmp (a->data, b->data, (size_t) a->bytes_per_line * a->height) == 0;
}

/* The first frame since the key that already looks, below the header
 * bars, as the window does once quiet: the page is shown. The frames
 * after it only animate the header bar (the view switcher's buttons). */
static double
first_frame_as_final (void)
{
  double shown = -1;

  for (int i = 0; i < n_frames; i++)
    if (same_image (frames[i], frames[n_frames - 1]))
      {
        shown = frame_ms[i];
        break;
      }
  for (int i = 0; i < n_frames; i++)
    XDestroyImage (frames[i]);
  n_frames = 0;
  return shown;
}

static long
peak_rss_kib (void)
{
  char path[64], line[256];
  long kib = -1;
  FILE *f;

  snprintf (path, sizeof path, "/proc/%d/status", (int) child);
  f = fopen (path, "r");
  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f))
    if (strncmp (line, "VmHWM:", 6) == 0)
      kib = strtol (line + 6, NULL, 10);
  fclose (f);
  return kib;
}

static void
press (const char *spec)
{
  char copy[64];
  KeyCode modifiers[4];
  int n_modifiers = 0;
  char *part, *save = NULL;
  KeyCode key = 0;

  snprintf (copy, sizeof copy, "%s", spec);
  for (part = strtok_r (copy, "+", &save); part; part = strtok_r (NULL, "+", &save))
    {
      if (strcmp (part, "alt") == 0)
        modifiers[n_modifiers++] = XKeysymToKeycode (display, XK_Alt_L);
      else if (strcmp (part, "ctrl") == 0)
        modifiers[n_modifiers++] = XKeysymToKeycode (display, XK_Control_L);
      else
        key = XKeysymToKeycode (display, XStringToKeysym (part));
    }

  for (int i = 0; i < n_modifiers; i++)
    XTestFakeKeyEvent (display, modifiers[i], True, CurrentTime);
  XTestFakeKeyEvent (display, key, True, CurrentTime);
  XTestFakeKeyEvent (display, key, False, CurrentTime);
  for (int i = n_modifiers - 1; i >= 0; i--)
    XTestFakeKeyEvent (display, modifiers[i], False, CurrentTime);
  XFlush (display);
}

int
main (int    argc,
      char **argv)
{
  int timeout_ms = 30000;
  const char *keys = NULL;
  long rss;
  int opt, error_base, status;
  double deadline;

  while ((opt = getopt (argc, argv, "vq:t:k:s:")) != -1)
    {
      if (opt == 'q')
        quiet_ms = atoi (optarg);
      else if (opt == 't')
        timeout_ms = atoi (optarg);
      else if (opt == 's')
        shot_dir = optarg;
      else if (opt == 'v')
        verbose = 1;
      else if (opt == 'k')
        keys = optarg;
      else
        return 1;
    }
  if (optind >= argc)
    {
      fprintf (stderr, "usage: bench-startup-probe [-q QUIET_MS] [-t TIMEOUT_MS] [-k KEYS] [-s DIR] -- PROGRAM ARGS...\n");
      return 1;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL || !XDamageQueryExtension (display, &damage_event_base, &error_base))
    {
      fprintf (stderr, "bench-startup-probe: needs an X display with DAMAGE\n");
      return 1;
    }
  XSetErrorHandler (ignore_x_error);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start_ms = now_ms ();
  child = fork ();
  if (child == 0)
    {
      close (ConnectionNumber (display));
      execvp (argv[optind], argv + optind);
      _exit (127);
    }

  deadline = start_ms + timeout_ms;
  pump (deadline, painted);
  if (!painted ())
    {
      fprintf (stderr, "bench-startup-probe: no painted window within %d ms\n", timeout_ms);
      kill (child, SIGKILL);
      return 2;
    }
  pump (deadline, quiet);
  rss = peak_rss_kib ();
  save_shot ("settled");

  printf ("map=%.1f first_paint=%.1f settled=%.1f rss_kib=%ld",
          map_ms - start_ms, first_paint_ms - start_ms, last_damage_ms - start_ms, rss);

  if (keys != NULL)
    {
      char copy[256];
      char *part, *save = NULL;
      const char *separator = " keys=";
      char shown[256] = "";
      int n_keys = 0;

      /* Keys go to the focused window, as when the user clicks into it. */
      XSetInputFocus (display, window, RevertToParent, CurrentTime);
      XTestFakeMotionEvent (display, -1, 10, 10, CurrentTime);
      XSync (display, False);
      quiet_from_ms = now_ms ();
      pump (now_ms () + 5000, quiet);

      snprintf (copy, sizeof copy, "%s", keys);
      for (part = strtok_r (copy, ",", &save); part; part = strtok_r (NULL, ",", &save))
        {
          double pressed;

          last_damage_ms = -1;
          pressed = quiet_from_ms = now_ms ();
          collecting = 1;
          press (part);
          /* The first frame may take longer than the quiet time. */
          pump (pressed + 30000, changed);
          pump (pressed + 30000, quiet);
          collecting = 0;
          {
            double at = first_frame_as_final ();
            size_t used = strlen (shown);

            snprintf (shown + used, sizeof shown - used, "%s%.1f",
                      used == 0 ? "" : ",", at > 0 ? at - pressed : -1.0);
          }
          {
            char name[32];

            snprintf (name, sizeof name, "key-%d", ++n_keys);
            save_shot (name);
          }
          printf ("%s%.1f", separator, last_damage_ms > 0 ? last_damage_ms - pressed : -1.0);
          separator = ",";
        }
      printf (" shown=%s rss_end_kib=%ld", shown, peak_rss_kib ());
    }
  printf ("\n");
  fflush (stdout);

  kill (child, SIGTERM);
  for (int i = 0; i < 200 && waitpid (child, &status, WNOHANG) != child; i++)
    usleep (10000);
  if (waitpid (child, &status, WNOHANG) == 0)
    {
      kill (child, SIGKILL);
      waitpid (child, &status, 0);
    }

  XCloseDisplay (display);
  return 0;
}
