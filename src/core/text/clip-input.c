/* clip-input.c — untrusted input read within bounds
 *
 * g_file_get_contents() reads a whole file before anyone can look at its
 * size, and stat() says 0 for /dev/zero: a path given on the command line
 * once grew a process to 24 GB. json-glib recurses once per nesting level
 * with no limit of its own. Every file and every JSON text from outside
 * goes through here instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-input.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (clip-input-error-quark, clip_input_error)

static void
set_errno_error (GError **error, int saved, gboolean reading, const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  if (reading)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                 _("Could not read %s: %s"), name, g_strerror (saved));
  else
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                 _("Could not open %s: %s"), name, g_strerror (saved));
}

static void
set_too_large (GError **error, const char *path, gsize max)
{
  g_autofree char *name = g_filename_display_name (path);
  /* Limits are round numbers: said as set, with a plain space. */
  g_autofree char *size = max % (1024 * 1024) == 0
                          ? g_strdup_printf (_("%zu MiB"), max / (1024 * 1024))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu byte", "%zu bytes", max), max);

  g_set_error (error, CLIP_INPUT_ERROR, CLIP_INPUT_ERROR_TOO_LARGE,
               _("%s is larger than %s: it is not read"), name, size);
}

static gboolean
check_regular (const char *path, const struct stat *st, gsize max, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, CLIP_INPUT_ERROR, CLIP_INPUT_ERROR_NOT_A_FILE,
                   _("%s is not a regular file: folders, devices and pipes are not read"), name);
      return FALSE;
    }
  if ((guint64) st->st_size > max)
    {
      set_too_large (error, path, max);
      return FALSE;
    }
  return TRUE;
}

/* Reads at most max + 1 bytes: one more than allowed tells a file that
 * grew past the limit after fstat(). */
static char *
read_bounded (int fd, const char *path, gsize hint, gsize max, gsize *length, GError **error)
{
  gsize cap = MIN (hint, max) + 1, len = 0;
  char *buf = g_malloc (cap + 1);

  while (TRUE)
    {
      gssize n;

      if (len == cap)
        {
          if (cap > max)
            break;
          cap = MIN (cap * 2, max + 1);
          buf = g_realloc (buf, cap + 1);
        }
      n = read (fd, buf + len, cap - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, TRUE, path);
          g_free (buf);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
    }
  if (len > max)
    {
      set_too_large (error, path, max);
      g_free (buf);
      return NULL;
    }
  buf[len] = '\0';
  *length = len;
  return buf;
}

gboolean
clip_input_read_file (const char  *path,
                      gsize        max,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  struct stat st;
  gsize len = 0;
  char *data;
  int fd;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);
  /* stat() first, so that a device is never even opened; O_NONBLOCK, so
   * that a FIFO put there since cannot make open() wait for a writer. */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno, FALSE, path);
      return FALSE;
    }
  if (!check_regular (path, &st, max, error))
    return FALSE;
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, FALSE, path);
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !check_regular (path, &st, max, error))
    {
      if (error && *error == NULL)
        set_errno_error (error, errno, TRUE, path);
      close (fd);
      return FALSE;
    }
  data = read_bounded (fd, path, st.st_size, max, &len, error);
  close (fd);
  if (data == NULL)
    return FALSE;
  *contents = data;
  if (length)
    *length = len;
  return TRUE;
}

gboolean
clip_input_check_json_depth (const char *data,
                             gssize      len,
                             guint       max_depth,
                             GError    **error)
{
  const char *p = data, *end;
  gboolean in_string = FALSE;
  guint depth = 0;

  if (data == NULL)
    return TRUE;
  end = data + (len < 0 ? (gssize) strlen (data) : len);
  for (; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\')
            p++;              /* the escaped character, whatever it is */
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      switch (*p)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, CLIP_INPUT_ERROR, CLIP_INPUT_ERROR_TOO_DEEP,
                           _("it is nested more than %u levels deep"), max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          /* Unbalanced closers are json-glib's to report. */
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

gboolean
clip_input_load_json (JsonParser  *parser,
                      const char  *data,
                      gssize       len,
                      GError     **error)
{
  return clip_input_check_json_depth (data, len, CLIP_INPUT_MAX_JSON_DEPTH, error) &&
         json_parser_load_from_data (parser, data, len, error);
}
