/* clip-rule-tree.c — what is done to a parsed rule before it is compiled:
 * term lists expanded, default fields set; and its text form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-parser.h"

#include <glib/gi18n-lib.h>
#include <string.h>

ClipTermLists *
clip_term_lists_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

void
clip_term_lists_add (ClipTermLists *lists,
                     const char    *name,
                     const char    *entry)
{
  GPtrArray *entries = g_hash_table_lookup (lists, name);

  if (entries == NULL)
    {
      entries = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (lists, g_strdup (name), entries);
    }
  if (entry != NULL)
    g_ptr_array_add (entries, g_strdup (entry));
}

static void
set_default_fields (ClipRuleNode *node, guint fields)
{
  if (node->kind == CLIP_RULE_NODE_TERM)
    {
      if (node->fields == 0)
        node->fields = fields;
      return;
    }
  for (guint i = 0; node->children && i < node->children->len; i++)
    set_default_fields (g_ptr_array_index (node->children, i), fields);
}

/* Each reference copies its list's terms into the tree, and every later
 * stage (matcher, FTS5 query, search) costs per term: a 20,000-term list
 * named 500 times in a 16 KB query once grew a search past 12.5 GB. The
 * budget counts the expanded terms before any is made. */
static ClipRuleNode *
expand_list (ClipRuleNode   *list,
             ClipTermLists  *lists,
             guint          *n_terms,
             GError        **error)
{
  GPtrArray *entries = lists ? g_hash_table_lookup (lists, list->name) : NULL;
  ClipRuleNode *or;

  if (entries == NULL)
    {
      g_set_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_UNKNOWN_LIST,
                   _("column %u: there is no term list “%s”"), list->column, list->name);
      return NULL;
    }
  if (entries->len == 0)
    {
      g_set_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_BAD_LIST,
                   _("column %u: the term list “%s” is empty"), list->column, list->name);
      return NULL;
    }
  if (entries->len > CLIP_RULE_MAX_TERMS - *n_terms)
    {
      g_set_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_TOO_LARGE,
                   _("column %u: the term lists expand to more than %u terms"),
                   list->column, (guint) CLIP_RULE_MAX_TERMS);
      return NULL;
    }
  *n_terms += entries->len;
  or = g_new0 (ClipRuleNode, 1);
  or->kind = CLIP_RULE_NODE_OR;
  or->column = list->column;
  or->children = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_rule_node_free);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GError) local = NULL;
      ClipRuleNode *term = clip_rule_parse_entry (g_ptr_array_index (entries, i), &local);

      if (term == NULL)
        {
          clip_rule_node_free (or);
          g_set_error (error, CLIP_RULE_ERROR, CLIP_RULE_ERROR_BAD_LIST,
                       _("column %u: in the term list “%s”, entry %u (“%s”): %s"),
                       list->column, list->name, i + 1,
                       (const char *) g_ptr_array_index (entries, i),
                       /* Skip the entry's own "column 1: ". */
                       strchr (local->message, ':') ? strchr (local->message, ':') + 2
                                                     : local->message);
          return NULL;
        }
      term->column = list->column;
      term->fields = list->fields;
      g_ptr_array_add (or->children, term);
    }
  return or;
}

static gboolean
resolve (ClipRuleNode **slot, ClipTermLists *lists, guint *n_terms, guint *error_column,
         GError **error)
{
  ClipRuleNode *node = *slot;

  if (node->kind == CLIP_RULE_NODE_LIST)
    {
      ClipRuleNode *or = expand_list (node, lists, n_terms, error);

      if (or == NULL)
        {
          if (error_column)
            *error_column = node->column;
          return FALSE;
        }
      clip_rule_node_free (node);
      *slot = or;
      return TRUE;
    }
  for (guint i = 0; node->children && i < node->children->len; i++)
    if (!resolve ((ClipRuleNode **) &node->children->pdata[i], lists, n_terms, error_column,
                  error))
      return FALSE;
  return TRUE;
}

gboolean
clip_rule_resolve (ClipRuleNode   *node,
                   ClipTermLists  *lists,
                   guint          *error_column,
                   GError        **error)
{
  guint n_terms = 0;

  if (node->kind == CLIP_RULE_NODE_LIST)
    {
      /* The root itself is a list: expand it in place, the caller keeps
       * its pointer. */
      ClipRuleNode *or = expand_list (node, lists, &n_terms, error);
      ClipRuleNode tmp;

      if (or == NULL)
        {
          if (error_column)
            *error_column = node->column;
          return FALSE;
        }
      tmp = *node;
      *node = *or;
      *or = tmp;
      clip_rule_node_free (or);
    }
  else
    {
      for (guint i = 0; node->children && i < node->children->len; i++)
        if (!resolve ((ClipRuleNode **) &node->children->pdata[i], lists, &n_terms,
                      error_column, error))
          return FALSE;
    }
  set_default_fields (node, CLIP_RULE_FIELD_DEFAULT);
  return TRUE;
}

ClipRuleNode *
clip_rule_compile_tree (const char     *query,
                        ClipTermLists  *lists,
                        guint          *error_column,
                        GError        **error)
{
  g_autoptr(ClipRuleNode) root = clip_rule_parse (query, error_column, error);

  if (root == NULL || !clip_rule_resolve (root, lists, error_column, error))
    return NULL;
  return g_steal_pointer (&root);
}

static void
collect_lists (const ClipRuleNode *node, GPtrArray *names)
{
  if (node->kind == CLIP_RULE_NODE_LIST)
    {
      for (guint i = 0; i < names->len; i++)
        if (g_str_equal (g_ptr_array_index (names, i), node->name))
          return;
      g_ptr_array_add (names, g_strdup (node->name));
      return;
    }
  for (guint i = 0; node->children && i < node->children->len; i++)
    collect_lists (g_ptr_array_index (node->children, i), names);
}

GPtrArray *
clip_rule_list_names (const ClipRuleNode *node)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  collect_lists (node, names);
  return names;
}

static void
append_fields (GString *s, guint fields)
{
  if (fields == 0 || fields == CLIP_RULE_FIELD_DEFAULT)
    return;
  for (guint i = 0; i < CLIP_RULE_N_FIELDS; i++)
    if (fields & (1u << i))
      g_string_append_printf (s, "%s:", clip_rule_field_name (1u << i));
}

static void
to_string (const ClipRuleNode *node, GString *s)
{
  static const char *names[] = { "TERM", "LIST", "AND", "OR", "NOT", "NEAR" };

  switch (node->kind)
    {
    case CLIP_RULE_NODE_TERM:
      append_fields (s, node->fields);
      g_string_append (s, node->case_sensitive ? "{" : node->words->len > 1 ? "\"" : "");
      for (guint i = 0; i < node->words->len; i++)
        g_string_append_printf (s, "%s%s", i ? " " : "",
                                (const char *) g_ptr_array_index (node->words, i));
      g_string_append (s, node->case_sensitive ? "}" : node->words->len > 1 ? "\"" : "");
      return;
    case CLIP_RULE_NODE_LIST:
      append_fields (s, node->fields);
      g_string_append_printf (s, "@%s", node->name);
      return;
    case CLIP_RULE_NODE_NEAR:
      g_string_append_printf (s, "(%s/%u", node->ordered ? "ONEAR" : "NEAR", node->distance);
      break;
    default:
      g_string_append_printf (s, "(%s", names[node->kind]);
      break;
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      g_string_append_c (s, ' ');
      to_string (g_ptr_array_index (node->children, i), s);
    }
  g_string_append_c (s, ')');
}

char *
clip_rule_node_to_string (const ClipRuleNode *node)
{
  GString *s = g_string_new (NULL);

  to_string (node, s);
  return g_string_free (s, FALSE);
}
