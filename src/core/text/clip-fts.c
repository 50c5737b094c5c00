/* clip-fts.c
 *
 * Registers clip_text_tokenize() with FTS5 under the name "clip", so the
 * full-text index cuts and folds words exactly as the rules matcher does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-fts.h"
#include "clip-text.h"

#include <gio/gio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

typedef struct {
  void *ctx;
  int (*x_token) (void *, int, const char *, int, int, int);
  int rc;
} TokenizeCtx;

static int
fts_create (void *user_data, const char **argv, int argc, Fts5Tokenizer **out)
{
  /* Stateless: any non-NULL handle will do. */
  *out = (Fts5Tokenizer *) user_data;
  return SQLITE_OK;
}

static void
fts_delete (Fts5Tokenizer *tokenizer)
{
}

static gboolean
emit_token (const ClipToken *tok, gpointer user_data)
{
  TokenizeCtx *tc = user_data;

  tc->rc = tc->x_token (tc->ctx, 0, tok->folded, (int) tok->folded_len,
                        (int) tok->start, (int) tok->end);
  return tc->rc == SQLITE_OK;
}

static int
fts_tokenize (Fts5Tokenizer *tokenizer, void *ctx, int flags,
              const char *text, int len,
              int (*x_token) (void *, int, const char *, int, int, int))
{
  TokenizeCtx tc = { ctx, x_token, SQLITE_OK };

  clip_text_tokenize (text, len, emit_token, &tc);
  return tc.rc;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

gboolean
clip_fts_register (sqlite3  *db,
                   GError  **error)
{
  static fts5_tokenizer tokenizer = { fts_create, fts_delete, fts_tokenize };
  static int handle;
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("SQLite was built without FTS5"));
      return FALSE;
    }
  if (api->xCreateTokenizer (api, CLIP_FTS_TOKENIZER, &handle, &tokenizer, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not register the FTS5 tokenizer"));
      return FALSE;
    }
  return TRUE;
}

/* An FTS5 string literal: the word in double quotes, quotes doubled. */
char *
clip_fts_quote (const char *word)
{
  GString *s = g_string_sized_new (strlen (word) + 2);

  g_string_append_c (s, '"');
  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}
