/* clip-window-private.h — what the window's own modules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clip-article-list.h"
#include "clip-article-table.h"
#include "clip-article-view.h"
#include "clip-export.h"
#include "clip-outlet-removal.h"
#include "clip-pane.h"
#include "clip-service.h"
#include "clip-sidebar.h"
#include "clip-window.h"

G_BEGIN_DECLS

struct _ClipWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  ClipSidebar          *sidebar;
  AdwWindowTitle       *content_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  ClipArticleTable     *table;
  ClipArticleView      *article_view;
  GtkWidget            *sidebar_pane;   /* ClipPane */
  GtkWidget            *sidebar_box;
  GtkWidget            *list_pane;
  GtkWidget            *article_pane;   /* ClipPane */
  GtkWidget            *outlet_button;
  GtkWidget            *flag_button;
  GtkWidget            *scope_box;
  GtkWidget            *scope_chip;
  GtkLabel             *scope_label;
  GtkWidget            *scope_all_label;
  GtkWidget            *save_rule_button;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;

  GSettings            *settings;
  ClipService          *service;
  ClipStore            *store;      /* the window's reader */
  ClipCommands         *commands;   /* every change, on the one writer */
  ClipArticleList      *list;
  ClipOutletRemoval    *removal;    /* with the toast's Undo; NULL without commands */
  GCancellable         *cancellable;
  GCancellable         *counts_cancellable;
  guint                 busy;
  guint                 search_timeout;
  guint                 reload_timeout;
  gint64                last_reload;       /* monotonic, of a refresh's reload */
  guint                 progress_timeout;
  guint                 progress_done;     /* the latest report, shown at the next step */
  guint                 progress_total;
  gboolean              progress_pending;
  gint64                progress_text_time;   /* monotonic, the text last set */
  guint                 progress_text_done;   /* the count it says */
  gboolean              manual_refresh;
  gint64                rules_version;
  char                 *search;           /* the search applied, or NULL */
  char                 *search_error;     /* why it cannot be read, or NULL */
};


GSettings    *clip_window_get_settings       (ClipWindow   *self);
GCancellable *clip_window_get_cancellable    (ClipWindow   *self);
/* The application's fetch service, or NULL (no application, or it did
 * not start). */
ClipService  *clip_window_get_service        (ClipWindow   *self);
/* While busy, the actions that add outlets are disabled. */
void          clip_window_set_busy           (ClipWindow   *self,
                                              gboolean      busy);
void          clip_window_show_error         (ClipWindow   *self,
                                              const char   *what,
                                              const GError *error);
/* After outlets were added or removed through another connection: the
 * sidebar reads them again and the service schedules them. */
void          clip_window_outlets_changed    (ClipWindow   *self);
/* win.add-outlet, win.add-starter-outlets, win.import-opml, win.export-opml */
void          clip_window_add_outlet_actions (ClipWindow   *self);

/* The view (clip-window-view.c): the sidebar's source, the search and
 * its scope, the order picked for each source (GSettings). Reads the
 * view again; the article shown goes when it is not in the new one. */
void          clip_window_apply_view         (ClipWindow   *self);
void          clip_window_update_subtitle    (ClipWindow   *self);
/* win.sort, win.search-everywhere, win.save-search */
void          clip_window_add_view_actions   (ClipWindow   *self);
/* The list's view as an export's scope: its rule, outlet, Flagged or
 * Unread, and the search applied (not one that cannot be read). */
void          clip_window_get_view_scope     (ClipWindow      *self,
                                              ClipExportScope *scope);
/* The list's view could not be read: says why in its place. */
void          clip_window_view_failed        (ClipWindow   *self,
                                              const char   *message);

/* The article shown (clip-window-article.c), in the page on screen: the
 * reading view beside the list, or the Alerts view's. The actions act on
 * it, wherever it shows. */
ClipArticleView *clip_window_current_article_view (ClipWindow *self);
/* win.open-original, win.toggle-flag, win.toggle-read, win.export */
void          clip_window_add_article_actions (ClipWindow  *self);
void          clip_window_sync_article_actions (ClipWindow *self);
/* An article's read state changed: its row, the reading views, the
 * counts, and the write through the commands when write is TRUE. */
void          clip_window_article_read       (ClipWindow   *self,
                                              gint64        article_id,
                                              gboolean      read,
                                              gboolean      write);
/* Many articles' state changed elsewhere (the Alerts view marked a rule
 * read): rows, reading views and counts read again. */
void          clip_window_articles_changed   (ClipWindow   *self);
/* The sidebar's counts, read again in a worker. */
void          clip_window_update_counts      (ClipWindow   *self);

/* Many articles at once (clip-window-bulk.c): win.selection-flag,
 * -unflag, -read, -unread, -tag, win.export-selection, win.select-all,
 * win.mark-all-read (with an Undo toast), and the list's context menu. */
#define CLIP_WINDOW_UNDO_SECONDS 6
void          clip_window_add_bulk_actions   (ClipWindow      *self);
void          clip_window_mark_ids           (ClipWindow      *self,
                                              GArray          *ids,
                                              ClipArticleMark  mark,
                                              const char      *text);
/* The list's selection marked; FALSE when nothing is selected (or the
 * list is not on screen). */
gboolean      clip_window_mark_selection     (ClipWindow      *self,
                                              ClipArticleMark  mark,
                                              const char      *text);

/* The sidebar's context menus (clip-window-sources.c): win.edit-outlet,
 * win.refresh-outlet, win.stop-outlet, win.resume-outlet,
 * win.remove-outlet (by id), win.read-rule (id), win.rename-tag,
 * win.remove-tag (by name); and the Tags section, read again. */
void          clip_window_add_source_actions (ClipWindow      *self);
/* Shows the main stack's page name. The page shown before becomes
 * *back_to, where Back returns, unless it is one of family (a
 * NULL-terminated list: pages that go back together, as Rules and
 * Alerts do). */
void          clip_window_show_page          (ClipWindow        *self,
                                              const char        *name,
                                              const char *const *family,
                                              char             **back_to);
/* Back: the page back_to names, else the archive. */
void          clip_window_page_back          (ClipWindow      *self,
                                              const char      *back_to);
void          clip_window_reload_tags        (ClipWindow      *self);
void          clip_window_edit_outlet        (ClipWindow      *self,
                                              gint64           outlet_id);

/* win.refresh, and the service's signals (clip-window-service.c) */
void          clip_window_refresh_activated  (GSimpleAction   *action,
                                              GVariant        *param,
                                              gpointer         user_data);
/* "Get full text" of an article view goes to the service. */
void          clip_window_connect_article_view (ClipWindow      *self,
                                                ClipArticleView *view);
void          clip_window_connect_service    (ClipWindow      *self,
                                              ClipApplication *app);

G_END_DECLS
