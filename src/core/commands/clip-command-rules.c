/* clip-command-rules.c — saving, removing and matching rules again; term
 * lists, whose every change matches their rules again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-commands-private.h"
#include "clip-rule-backfill.h"
#include "clip-store-sql.h"

#include <glib/gi18n-lib.h>

static gboolean
save_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
           GCancellable *cancellable, GError **error)
{
  gboolean recompute = TRUE;

  if (c->rule->id == 0)
    c->result_id = clip_store_add_rule (w, c->rule, error);
  else if (clip_store_update_rule (w, c->rule, &recompute, error))
    c->result_id = c->rule->id;
  if (c->result_id == 0)
    return FALSE;
  if (!recompute || !c->rule->enabled)
    return TRUE;
  c->rematched = TRUE;
  return clip_rule_backfill (w, c->result_id, progress, data, &c->n_matched, cancellable, error);
}

ClipCommand *
clip_command_save_rule (const ClipRule *rule)
{
  ClipCommand *c = _clip_command_new (save_work);

  g_return_val_if_fail (rule != NULL, NULL);
  c->rule = clip_rule_copy (rule);
  return c;
}

static gboolean
remove_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
             GCancellable *cancellable, GError **error)
{
  return clip_store_remove_rule (w, c->id, error);
}

ClipCommand *
clip_command_remove_rule (gint64 rule_id)
{
  ClipCommand *c = _clip_command_new (remove_work);

  c->id = rule_id;
  return c;
}

static gboolean
rematch_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
              GCancellable *cancellable, GError **error)
{
  c->result_id = c->id;
  return clip_rule_backfill (w, c->id, progress, data, &c->n_matched, cancellable, error);
}

ClipCommand *
clip_command_rematch_rule (gint64 rule_id)
{
  ClipCommand *c = _clip_command_new (rematch_work);

  c->id = rule_id;
  return c;
}

/* Term lists */

gboolean
_clip_command_rematch_list_users (ClipStore     *w,
                                  const char    *list,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GArray) users = clip_store_rules_using_list (w, list, error);

  if (users == NULL)
    return FALSE;
  for (guint i = 0; i < users->len; i++)
    {
      g_autoptr(ClipRule) r = clip_store_get_rule (w, g_array_index (users, gint64, i), error);

      if (r == NULL)
        return FALSE;
      /* A disabled rule has no live matches to keep right; it is matched
       * again when it is enabled (clip_store_update_rule() says so). */
      if (r->enabled && !clip_rule_backfill (w, r->id, NULL, NULL, NULL, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_terms_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
                GCancellable *cancellable, GError **error)
{
  return clip_store_add_terms (w, c->text, (const char * const *) c->terms, error) &&
         _clip_command_rematch_list_users (w, c->text, cancellable, error);
}

static gboolean
set_list_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
               GCancellable *cancellable, GError **error)
{
  return clip_store_set_term_list (w, c->text, (const char * const *) c->terms, error) &&
         _clip_command_rematch_list_users (w, c->text, cancellable, error);
}

static ClipCommand *
list_command (ClipCommandWork work, const char *list, const char * const *terms)
{
  ClipCommand *c = _clip_command_new (work);

  g_return_val_if_fail (list != NULL, NULL);
  c->text = g_strdup (list);
  c->terms = g_strdupv ((char **) terms);
  if (c->terms == NULL)
    c->terms = g_new0 (char *, 1);
  return c;
}

ClipCommand *
clip_command_add_terms (const char         *list,
                        const char * const *terms)
{
  return list_command (add_terms_work, list, terms);
}

ClipCommand *
clip_command_set_term_list (const char         *list,
                            const char * const *terms)
{
  return list_command (set_list_work, list, terms);
}

/* "@old" → "@new" where it stands for the list, not inside a longer name. */
static char *
rename_in_query (const char *query,
                 const char *old_name,
                 const char *name)
{
  g_autofree char *escaped = g_regex_escape_string (old_name, -1);
  g_autofree char *pattern = g_strdup_printf ("@%s(?![\\w])", escaped);
  g_autofree char *replacement = g_strdup_printf ("@%s", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

  return g_regex_replace_literal (regex, query, -1, 0, replacement, 0, NULL);
}

static gboolean
rename_rules (ClipStore *w, GArray *users, const char *old_name, const char *name,
              GError **error)
{
  for (guint i = 0; i < users->len; i++)
    {
      g_autoptr(ClipRule) rule = clip_store_get_rule (w, g_array_index (users, gint64, i), error);

      if (rule == NULL)
        return FALSE;
      g_autofree char *query = rename_in_query (rule->query, old_name, name);
      g_free (rule->query);
      rule->query = g_steal_pointer (&query);
      if (!clip_store_update_rule (w, rule, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
term_list_exists (ClipStore *w, const char *name, gboolean *exists, GError **error)
{
  g_auto(GStrv) names = clip_store_list_term_lists (w, error);

  if (names == NULL)
    return FALSE;
  *exists = g_strv_contains ((const char * const *) names, name);
  return TRUE;
}

static gboolean
rename_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
             GCancellable *cancellable, GError **error)
{
  g_autoptr(ClipTermLists) lists = NULL;
  g_autoptr(GArray) users = NULL;
  GPtrArray *old_entries;
  gboolean taken = FALSE;

  if (g_strcmp0 (c->text, c->text2) == 0)
    return c->terms == NULL || set_list_work (c, w, progress, data, cancellable, error);
  if (!term_list_exists (w, c->text2, &taken, error))
    return FALSE;
  if (taken)
    return g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_EXISTS,
                        _("There is already a term list “%s”"), c->text2), FALSE;
  if (!(lists = clip_store_load_term_lists (w, error)))
    return FALSE;
  if (!(old_entries = g_hash_table_lookup (lists, c->text)))
    return g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_NOT_FOUND,
                        _("There is no term list “%s”"), c->text), FALSE;
  g_ptr_array_add (old_entries, NULL);
  if (!(users = clip_store_rules_using_list (w, c->text, error)) || !clip_store_begin (w, error))
    return FALSE;
  /* The new list first: the rules' new queries must name a list. */
  if (!clip_store_set_term_list (w, c->text2, c->terms ? (const char * const *) c->terms
                                                       : (const char * const *) old_entries->pdata,
                                 error) ||
      !rename_rules (w, users, c->text, c->text2, error) ||
      !clip_store_remove_term_list (w, c->text, error))
    {
      clip_store_rollback (w);
      return FALSE;
    }
  if (!clip_store_commit (w, error))
    return FALSE;
  /* With the same entries, the rules match what they matched. */
  return c->terms == NULL || _clip_command_rematch_list_users (w, c->text2, cancellable, error);
}

ClipCommand *
clip_command_rename_term_list (const char *old_name,
                               const char *new_name)
{
  ClipCommand *c = _clip_command_new (rename_work);

  g_return_val_if_fail (old_name != NULL && new_name != NULL, NULL);
  c->text = g_strdup (old_name);
  c->text2 = g_strdup (new_name);
  return c;
}

ClipCommand *
clip_command_save_term_list (const char         *old_name,
                             const char         *name,
                             const char * const *terms)
{
  ClipCommand *c;

  g_return_val_if_fail (name != NULL && terms != NULL, NULL);
  if (old_name == NULL)
    return clip_command_set_term_list (name, terms);
  c = clip_command_rename_term_list (old_name, name);
  c->terms = g_strdupv ((char **) terms);
  return c;
}

static gboolean
remove_list_work (ClipCommand *c, ClipStore *w, ClipProgressFunc progress, gpointer data,
                  GCancellable *cancellable, GError **error)
{
  return clip_store_remove_term_list (w, c->text, error);
}

ClipCommand *
clip_command_remove_term_list (const char *list)
{
  return list_command (remove_list_work, list, NULL);
}
