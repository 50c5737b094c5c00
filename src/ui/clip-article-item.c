/* clip-article-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clip-article-item.h"
#include "clip-format.h"

struct _ClipArticleItem
{
  GObject   parent_instance;
  gint64    id;
  gint64    outlet_id;
  gint64    time;
  gboolean  date_uncertain;
  gboolean  read;
  gint      flag;
  char     *title;
  char     *outlet_name;
  gint64   *rule_ids;
  char     *snippet;
  GArray   *marks;      /* guint pairs */
  char     *copy_outlet;
  gint64    copy_time;
  gboolean  recycled;
};

G_DEFINE_FINAL_TYPE (ClipArticleItem, clip_article_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_OUTLET_NAME,
  PROP_READ,
  PROP_FLAG,
  PROP_SNIPPET,
  N_PROPS
};
static GParamSpec *props[N_PROPS];

static gint64 *
parse_rule_ids (const char *text)
{
  g_auto(GStrv) parts = NULL;
  gint64 *ids;
  guint n = 0;

  if (text == NULL || *text == '\0')
    return NULL;
  parts = g_strsplit (text, ",", -1);
  ids = g_new0 (gint64, g_strv_length (parts) + 1);
  for (guint i = 0; parts[i]; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
      if (id > 0)
        ids[n++] = id;
    }
  return ids;
}

ClipArticleItem *
clip_article_item_new (gint64                id,
                       const ClipArticleRow *row)
{
  ClipArticleItem *self = g_object_new (CLIP_TYPE_ARTICLE_ITEM, NULL);

  self->id = id;
  if (row != NULL)
    {
      self->outlet_id = row->outlet_id;
      self->time = row->time;
      self->date_uncertain = row->date_uncertain;
      self->read = row->read;
      self->flag = row->flag;
      self->title = g_strdup (row->title);
      self->outlet_name = g_strdup (row->outlet_name);
      self->rule_ids = parse_rule_ids (row->rules);
      self->copy_outlet = g_strdup (row->copy_outlet);
      self->copy_time = row->copy_time;
      self->recycled = row->recycled;
    }
  else
    {
      self->time = CLIP_NO_DATE;
      self->read = TRUE;
      self->title = g_strdup (_("(Removed)"));
      self->outlet_name = g_strdup ("");
    }
  return self;
}

gint64 clip_article_item_get_id (ClipArticleItem *self) { return self->id; }
gint64 clip_article_item_get_outlet_id (ClipArticleItem *self) { return self->outlet_id; }
const char *clip_article_item_get_title (ClipArticleItem *self) { return self->title; }
const char *clip_article_item_get_outlet_name (ClipArticleItem *self) { return self->outlet_name; }
gint64 clip_article_item_get_time (ClipArticleItem *self) { return self->time; }
gboolean clip_article_item_get_date_uncertain (ClipArticleItem *self) { return self->date_uncertain; }
gboolean clip_article_item_get_read (ClipArticleItem *self) { return self->read; }
gint clip_article_item_get_flag (ClipArticleItem *self) { return self->flag; }
const gint64 *clip_article_item_get_rule_ids (ClipArticleItem *self) { return self->rule_ids; }

char *
clip_article_item_format_copy (ClipArticleItem *self)
{
  return clip_article_item_copy_text (self->copy_outlet, self->copy_time, self->recycled);
}

char *
clip_article_item_copy_text (const char *outlet,
                             gint64      time,
                             gboolean    recycled)
{
  g_autofree char *when = NULL;

  if (outlet == NULL)
    return NULL;
  if (recycled)
    {
      when = clip_format_day (time, NULL, NULL);
      /* Translators: an article republished with a new date; "Recycled
       * from Reuters, 7 Dec 2024" */
      return g_strdup_printf (_("Recycled from %s, %s"), outlet, when);
    }
  when = clip_format_time_short (time, g_get_real_time () / G_USEC_PER_SEC, NULL, NULL);
  /* Translators: a near-copy of an earlier article; "Copy of Reuters, 14:05" */
  return g_strdup_printf (_("Copy of %s, %s"), outlet, when);
}

void
clip_article_item_set_read (ClipArticleItem *self,
                            gboolean         read)
{
  read = !!read;
  if (self->read == read)
    return;
  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_READ]);
}

void
clip_article_item_set_flag (ClipArticleItem *self,
                            gint             flag)
{
  if (self->flag == flag)
    return;
  self->flag = flag;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_FLAG]);
}

const char *
clip_article_item_get_snippet (ClipArticleItem  *self,
                               const GArray    **marks)
{
  if (marks != NULL)
    *marks = self->marks;
  return self->snippet;
}

void
clip_article_item_set_snippet (ClipArticleItem *self,
                               const char      *snippet,
                               GArray          *marks)
{
  g_free (self->snippet);
  self->snippet = g_strdup (snippet);
  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = marks ? g_array_ref (marks) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SNIPPET]);
}

char *
clip_article_item_format_time (gint64 unix_seconds,
                               gint64 now)
{
  return clip_format_time_short (unix_seconds, now, NULL, NULL);
}

static void
clip_article_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClipArticleItem *self = CLIP_ARTICLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET_NAME:
      g_value_set_string (value, self->outlet_name);
      break;
    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;
    case PROP_FLAG:
      g_value_set_int (value, self->flag);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clip_article_item_finalize (GObject *object)
{
  ClipArticleItem *self = CLIP_ARTICLE_ITEM (object);

  g_free (self->title);
  g_free (self->outlet_name);
  g_free (self->rule_ids);
  g_free (self->snippet);
  g_free (self->copy_outlet);
  g_clear_pointer (&self->marks, g_array_unref);
  G_OBJECT_CLASS (clip_article_item_parent_class)->finalize (object);
}

static void
clip_article_item_class_init (ClipArticleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clip_article_item_get_property;
  object_class->finalize = clip_article_item_finalize;

  props[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_OUTLET_NAME] = g_param_spec_string ("outlet-name", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_READ] = g_param_spec_boolean ("read", NULL, NULL, FALSE,
                                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                           G_PARAM_STATIC_STRINGS);
  props[PROP_FLAG] = g_param_spec_int ("flag", NULL, NULL, G_MININT, G_MAXINT, 0,
                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                       G_PARAM_STATIC_STRINGS);
  props[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
clip_article_item_init (ClipArticleItem *self)
{
}
