/* clip-article-table.h — the article list: title, time, outlet, rule
 * chips, read and flag state, and a search's snippets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clip-article-list.h"

G_BEGIN_DECLS

#define CLIP_TYPE_ARTICLE_TABLE (clip_article_table_get_type ())
G_DECLARE_FINAL_TYPE (ClipArticleTable, clip_article_table, CLIP, ARTICLE_TABLE, AdwBin)

GtkWidget       *clip_article_table_new          (void);
void             clip_article_table_set_model    (ClipArticleTable *self,
                                                  ClipArticleList  *list);
ClipArticleList *clip_article_table_get_model    (ClipArticleTable *self);
/* rules: ClipRule*s (id, name, colour) for the chips; copied. */
void             clip_article_table_set_rules    (ClipArticleTable *self,
                                                  GPtrArray        *rules);
/* The name of a rule the table knows, or NULL. */
const char      *clip_article_table_get_rule_name (ClipArticleTable *self,
                                                   gint64            rule_id);
/* The CSS class that colours rule_id's chips (also for highlights). */
char            *clip_article_table_rule_class   (gint64            rule_id);
gboolean         clip_article_table_get_narrow   (ClipArticleTable *self);
/* Whether rows show their item's snippet (a search's results). */
void             clip_article_table_set_snippets (ClipArticleTable *self,
                                                  gboolean          snippets);
gboolean         clip_article_table_get_snippets (ClipArticleTable *self);
/* What a click released at (x, y) of the table's list view does (the
 * table calls it on the button's release; tests call it directly). */
void             clip_article_table_click_at     (ClipArticleTable *self,
                                                  double            x,
                                                  double            y);
/* Rows are selected as in any GTK list: a click selects one, Ctrl+click
 * adds or takes away, Shift+click and Shift+arrows extend, Ctrl+A takes
 * all. The article shown is the current row: the one selected, or of
 * several the one that was shown while it stays selected. */
ClipArticleItem *clip_article_table_get_selected (ClipArticleTable *self);
guint            clip_article_table_get_n_selected (ClipArticleTable *self);
/* The selected articles' ids, in the view's order. */
GArray          *clip_article_table_get_selected_ids (ClipArticleTable *self);
void             clip_article_table_select_all   (ClipArticleTable *self);
/* n rows from first, added to the selection (extend) or instead of it. */
void             clip_article_table_select_range (ClipArticleTable *self,
                                                  guint             first,
                                                  guint             n,
                                                  gboolean          extend);
/* The one row at position (GTK_INVALID_LIST_POSITION: none). */
void             clip_article_table_select       (ClipArticleTable *self,
                                                  guint             position);
/* The rows' context menu (right click, the Menu key, Shift+F10), shown
 * at the row under the pointer, selected first if it was not. */
void             clip_article_table_set_context_menu (ClipArticleTable *self,
                                                      GMenuModel       *menu);
/* Shows it at the current row (the keyboard's way). */
void             clip_article_table_popup_menu   (ClipArticleTable *self);
/* Moves the selection by delta rows (j/k), keeping it in view. */
void             clip_article_table_move         (ClipArticleTable *self,
                                                  int               delta);
/* What an empty view says: description is plain text, or Pango markup
 * where markup is TRUE (the caller escapes what it quotes). */
void             clip_article_table_set_empty    (ClipArticleTable *self,
                                                  const char       *title,
                                                  const char       *description);
void             clip_article_table_set_empty_markup (ClipArticleTable *self,
                                                      const char       *icon,
                                                      const char       *title,
                                                      const char       *markup);
/* A widget under the empty page's text (a button), or NULL. */
void             clip_article_table_set_empty_child (ClipArticleTable *self,
                                                     GtkWidget        *child);

G_END_DECLS
