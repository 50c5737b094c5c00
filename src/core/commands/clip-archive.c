/* clip-archive.c — opening the archive with its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-alert.h"
#include "clip-archive.h"
#include "clip-input.h"
#include "clip-paths.h"
#include "clip-rule-apply.h"
#include "clip-rules-store.h"
#include "clip-store-sql.h"
#include "clip-stories.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#define MAX_RULES_FILE (4 * 1024 * 1024)

static const char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
         ? json_node_get_string (n) : NULL;
}

static gboolean
load_lists (ClipStore *store, JsonArray *lists, GError **error)
{
  for (guint i = 0; lists && i < json_array_get_length (lists); i++)
    {
      JsonObject *l = json_array_get_object_element (lists, i);
      JsonArray *terms = l && json_object_has_member (l, "terms")
                         ? json_object_get_array_member (l, "terms") : NULL;
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      g_auto(GStrv) entries = NULL;

      for (guint k = 0; terms && k < json_array_get_length (terms); k++)
        {
          const char *t = json_array_get_string_element (terms, k);
          if (t)
            g_strv_builder_add (b, t);
        }
      entries = g_strv_builder_end (b);
      if (l == NULL || member_string (l, "name") == NULL ||
          !clip_store_set_term_list (store, member_string (l, "name"),
                                     (const char * const *) entries, error))
        {
          if (error && *error == NULL)
            g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                         _("Term list %u has no name"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_rules (ClipStore *store, JsonArray *rules, GError **error)
{
  for (guint i = 0; rules && i < json_array_get_length (rules); i++)
    {
      JsonObject *o = json_array_get_object_element (rules, i);
      ClipRule r = { 0 };

      if (o == NULL)
        continue;
      r.name = (char *) member_string (o, "name");
      r.query = (char *) member_string (o, "query");
      r.severity = (char *) member_string (o, "severity");
      r.notify = (char *) member_string (o, "notify");
      r.color = (char *) member_string (o, "color");
      r.enabled = !json_object_has_member (o, "enabled") ||
                  json_object_get_boolean_member (o, "enabled");
      if (clip_store_add_rule (store, &r, error) == 0)
        {
          g_prefix_error (error, _("Rule “%s”: "), r.name ? r.name : "?");
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
clip_archive_load_rules (ClipStore   *store,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  gsize len;
  JsonObject *root;

  if (!clip_input_read_file (path, MAX_RULES_FILE, &data, &len, error))
    return FALSE;
  if (!clip_input_load_json (parser, data, (gssize) len, error))
    {
      g_prefix_error (error, _("Could not read the rules file %s: "), path);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, CLIP_STORE_ERROR, CLIP_STORE_ERROR_INVALID,
                   _("%s is not a rules file (no JSON object)"), path);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (!clip_store_begin (store, error))
    return FALSE;
  if (!load_lists (store, json_object_has_member (root, "term_lists")
                          ? json_object_get_array_member (root, "term_lists") : NULL, error) ||
      !load_rules (store, json_object_has_member (root, "rules")
                          ? json_object_get_array_member (root, "rules") : NULL, error))
    {
      clip_store_rollback (store);
      return FALSE;
    }
  return clip_store_commit (store, error);
}

typedef struct {
  ClipRuleSet *set;
  gint64       version;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *w = data;

  clip_rule_set_free (w->set);
  g_free (w);
}

static gboolean
match_ingested (ClipStore    *store,
                const GArray *article_ids,
                gpointer      data,
                GError      **error)
{
  Watch *w = data;
  gint64 version = clip_store_rules_version (store);

  /* Rules may have changed through any connection: compile again then. */
  if (w->set == NULL || version < 0 || version != w->version)
    {
      ClipRuleSet *set = clip_store_compile_rules (store, error);

      if (set == NULL)
        return FALSE;
      clip_rule_set_free (w->set);
      w->set = set;
      w->version = version;
    }
  /* Each new match of new or changed news raises an alert. */
  return clip_rule_apply (store, w->set, article_ids, clip_alert_raise, NULL, error);
}

void
clip_archive_watch_ingest (ClipStore *store)
{
  clip_store_add_ingest_hook (store, match_ingested, g_new0 (Watch, 1), watch_free);
  /* Stories after rules: both in the ingest's transaction. */
  clip_stories_watch_ingest (store);
}

ClipStore *
clip_archive_open (const char          *data_dir,
                   ClipStoreOpenFlags   flags,
                   GError             **error)
{
  g_autoptr(ClipStore) store = clip_store_open_data_dir (data_dir, flags, error);

  if (store == NULL)
    return NULL;
  if (flags & CLIP_STORE_OPEN_READ_ONLY)
    return g_steal_pointer (&store);
  if (clip_store_is_new (store))
    {
      g_autofree char *path = clip_paths_find_data ("rules/default-rules.json");

      if (path == NULL)
        g_warning ("The default rules (rules/default-rules.json) are not installed: "
                   "the new archive starts without rules");
      else if (!clip_archive_load_rules (store, path, error))
        return NULL;
    }
  clip_archive_watch_ingest (store);
  return g_steal_pointer (&store);
}
