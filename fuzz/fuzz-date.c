/* fuzz-date.c — dates as feeds write them: any text gives no date or a
 * time from year 1 to 9999, without overflow on the way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "clip-article.h"
#include "clip-date.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gint64 t = clip_date_parse ((const char *) data, (gssize) size);

  FUZZ_CHECK (t == CLIP_NO_DATE || (t >= -62135596800 && t <= 253402300799),
              "a date outside years 1-9999: %" G_GINT64_FORMAT, t);
  return 0;
}
