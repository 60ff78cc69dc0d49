/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-profile.h"

G_BEGIN_DECLS

/* Two versions of one profile changed apart (two devices, a sync tool's
 * conflict copy) made one, losing nothing either holds:
 *  - history: every change of either, oldest first;
 *  - evidence, session notes and plan steps: the union (a step or note
 *    both added under the same id with different content is kept twice,
 *    the second under a fresh id);
 *  - a level that differs: the one changed last (by the history) wins,
 *    @mine on a tie; both changes stay in the history;
 *  - a coach's confirmation of a level: the latest given to the level
 *    the merge keeps, after that level's last change;
 *  - agreed actions of a note both hold (same text and time): the union
 *    by id; an action both hold takes the later version, except that a
 *    final status (done, dropped) on either side beats open; two
 *    actions added apart under one id are both kept;
 *  - name, roles, weekly hours, a step both hold and a note's privacy
 *    and next session date: from the version changed last.
 * The result has no file version: the caller gives it the version of
 * the file it is to replace. NULL, with @error set, only when the union
 * would exceed the limits of a profile. */
UpskillProfile *upskill_profile_merge (UpskillProfile  *mine,
                                       UpskillProfile  *theirs,
                                       GError         **error);

G_END_DECLS
