/* clip-page-dates.c — every date a page shows, where it came from, and
 * which one is the publication date
 *
 * Structured dates (JSON-LD, meta, microdata, <time>) come from the
 * metadata pass; this file adds the URL's date and the date lines of the
 * page's text, then marks the clocks: a date that is the fetch time within
 * minutes (a text date in any time zone, since a page's clock shows local
 * time), one the outlet's model has seen on most of its pages, one in a
 * block the model knows as boilerplate, one in the future. The published
 * date is the best source's date that is no clock; text dates come last,
 * nearest the title first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"
#include "clip-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_TEXT_DATES 24
#define MAX_LINE 160
#define CLOCK_SLACK (3 * 60)

/* Where a line of text is: text dates after the article are not its. */
enum { LINE_BEFORE_TITLE, LINE_IN_ARTICLE, LINE_AFTER_ARTICLE };

static gboolean
is_ancestor (xmlNodePtr a, xmlNodePtr node)
{
  for (; node; node = node->parent)
    if (node == a)
      return TRUE;
  return FALSE;
}

void
clip_page_add_date (PageDoc *pd, gint64 date, ClipPageSource source, ClipPageRole role,
                    const char *field)
{
  GPtrArray *all = pd->page->date_candidates;
  ClipPageDate *d;

  if (date == CLIP_NO_DATE || all->len >= 64)
    return;
  /* 1990 to 2100: anything else on a news page is not its date */
  if (date < 631152000 || date > 4102444800)
    return;
  for (guint i = 0; i < all->len; i++)
    {
      ClipPageDate *o = g_ptr_array_index (all, i);

      if (o->date == date && o->source == source && o->role == role)
        return;
    }
  d = g_new0 (ClipPageDate, 1);
  d->date = date;
  d->source = source;
  d->role = role;
  d->field = g_strdup (field);
  g_ptr_array_add (all, d);
}

void
clip_page_add_date_text (PageDoc *pd, const char *text, ClipPageSource source, ClipPageRole role,
                         const char *field)
{
  gint64 dates[1];

  if (text == NULL || *text == '\0')
    return;
  dates[0] = clip_date_parse (text, -1);
  /* "Published 12 May 2021 | 10:00": the date inside the words */
  if (dates[0] == CLIP_NO_DATE && clip_page_find_dates (text, strlen (text), dates, 1) == 0)
    return;
  clip_page_add_date (pd, dates[0], source, role, field);
}

/* Tokens of a line: runs of digits (with . - / : inside), runs of
 * letters, and single other characters. */
typedef struct {
  guint16 start, end;
  guint8  kind;       /* 'n' number, 'd' numeric date, 'w' word, 'p' other */
  guint8  year;       /* a 4-digit number, or a date holding one */
} Tok;

static guint
tokenize (const char *s, gsize len, Tok *toks, guint max)
{
  guint n = 0;
  gsize i = 0;

  while (i < len && n < max)
    {
      Tok t = { (guint16) i, 0, 'p', 0 };

      if (g_ascii_isdigit (s[i]))
        {
          gsize run = 0, seps = 0;

          while (i < len && (g_ascii_isdigit (s[i]) ||
                             ((s[i] == '.' || s[i] == '-' || s[i] == '/') && i + 1 < len &&
                              g_ascii_isdigit (s[i + 1]))))
            {
              if (g_ascii_isdigit (s[i]))
                run++;
              else
                {
                  t.year |= run == 4;
                  run = 0;
                  seps++;
                }
              i++;
            }
          t.year |= run == 4;
          t.kind = seps >= 2 ? 'd' : 'n';
        }
      else if ((guchar) s[i] >= 0x80 || g_ascii_isalpha (s[i]))
        {
          while (i < len && ((guchar) s[i] >= 0x80 || g_ascii_isalpha (s[i])))
            i++;
          t.kind = 'w';
        }
      else
        i++;
      t.end = (guint16) i;
      if (t.kind != 'p' || !g_ascii_isspace (s[t.start]))
        toks[n++] = t;
    }
  return n;
}

guint
clip_page_find_dates (const char *text, gssize len, gint64 *dates, guint max)
{
  Tok toks[48];
  guint n, found = 0;

  if (text == NULL)
    return 0;
  if (len < 0)
    len = strlen (text);
  if (len > MAX_LINE * 4)
    len = MAX_LINE * 4;
  n = tokenize (text, len, toks, G_N_ELEMENTS (toks));
  for (guint i = 0; i < n && found < max; i++)
    {
      gboolean done = FALSE;

      if (toks[i].kind == 'p')
        continue;
      /* longest first: "27 November 2024, 00:32" before "27 November 2024" */
      for (guint j = MIN (n - 1, i + 9); j >= i && !done; j--)
        {
          gboolean year = FALSE, shaped = FALSE;
          gint64 t;

          for (guint k = i; k <= j; k++)
            {
              year |= toks[k].year;
              shaped |= toks[k].kind == 'd' || toks[k].kind == 'w';
            }
          if (!year || !shaped || toks[j].kind == 'p')
            {
              if (j == i)
                break;
              continue;
            }
          t = clip_date_parse (text + toks[i].start, toks[j].end - toks[i].start);
          if (t != CLIP_NO_DATE)
            {
              dates[found++] = t;
              i = j;
              done = TRUE;
            }
          if (j == i)
            break;
        }
    }
  return found;
}

static int
url_month (const char *p)
{
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (p, months + i * 3, 3) == 0)
      return i + 1;
  return 0;
}

/* /2022/11/29/, /2022-11-29/, /20221129/, /2022/nov/29/ in the path. */
static gint64
url_date (const char *url)
{
  const char *path, *p;

  if (url == NULL || (path = strstr (url, "://")) == NULL || (path = strchr (path + 3, '/')) == NULL)
    return CLIP_NO_DATE;
  for (p = path; *p && *p != '?' && *p != '#'; p++)
    {
      int y, m, d = 1;
      char sep;

      if (p[0] != '/' && p[0] != '-' && p[0] != '_')
        continue;
      if (!(g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
            g_ascii_isdigit (p[4])))
        continue;
      y = g_ascii_digit_value (p[1]) * 1000 + g_ascii_digit_value (p[2]) * 100 +
          g_ascii_digit_value (p[3]) * 10 + g_ascii_digit_value (p[4]);
      sep = p[5];
      if ((sep == '/' || sep == '-') && g_ascii_isdigit (p[6]) && g_ascii_isdigit (p[7]))
        {
          m = g_ascii_digit_value (p[6]) * 10 + g_ascii_digit_value (p[7]);
          if (p[8] == sep && g_ascii_isdigit (p[9]) && g_ascii_isdigit (p[10]) &&
              !g_ascii_isdigit (p[11]))
            d = g_ascii_digit_value (p[9]) * 10 + g_ascii_digit_value (p[10]);
          else
            continue;   /* a month alone is not a day */
        }
      else if (g_ascii_isdigit (sep) && g_ascii_isdigit (p[6]) && g_ascii_isdigit (p[7]) &&
               g_ascii_isdigit (p[8]) && !g_ascii_isdigit (p[9]))
        {
          m = g_ascii_digit_value (p[5]) * 10 + g_ascii_digit_value (p[6]);
          d = g_ascii_digit_value (p[7]) * 10 + g_ascii_digit_value (p[8]);
        }
      else if (sep == '/' && (m = url_month (p + 6)) != 0 && p[9] == '/' &&
               g_ascii_isdigit (p[10]) && g_ascii_isdigit (p[11]) && !g_ascii_isdigit (p[12]))
        d = g_ascii_digit_value (p[10]) * 10 + g_ascii_digit_value (p[11]);   /* /2019/nov/18/ */
      else
        continue;
      if (y >= 1995 && y <= 2100)
        {
          gint64 t = clip_date_from_civil (y, m, d, 0, 0, 0);

          if (t != CLIP_NO_DATE)
            return t;
        }
    }
  return CLIP_NO_DATE;
}

/* Calls func for each short line of text in the body that has a digit:
 * the elements with text of their own up to MAX_LINE characters, with
 * whether the title's heading came before. */



/* The node right after the last chosen subtree: text from there on is
 * past the article (footers, lists of other stories, sources). */
static xmlNodePtr
article_end (PageDoc *pd)
{
  xmlNodePtr last = NULL;

  for (xmlNodePtr n = pd->body; n; )
    {
      gboolean chosen = n->type == XML_ELEMENT_NODE && (INFO (n)->flags & NI_CHOSEN);

      if (chosen)
        last = n;
      n = clip_page_next (n, pd->body, chosen);
    }
  return last && last != pd->body ? clip_page_next (last, pd->body, TRUE) : NULL;
}

void
clip_page_each_date_line (PageDoc *pd, ClipPageLineFunc func, gpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint place = pd->title_node == NULL ? LINE_IN_ARTICLE : LINE_BEFORE_TITLE;
  xmlNodePtr end = article_end (pd);
  guint lines = 0;

  for (xmlNodePtr n = pd->body; n && lines < 400; )
    {
      NodeInfo *ni = n->type == XML_ELEMENT_NODE ? INFO (n) : NULL;
      gboolean skip = FALSE;

      if (n == pd->title_node && place == LINE_BEFORE_TITLE)
        place = LINE_IN_ARTICLE;
      if (n == end)
        place = LINE_AFTER_ARTICLE;
      /* a date in a link is another article's (a list of headlines); one
       * in a caption is the photo's */
      if (ni && ((ni->flags & NI_SKIP) || ni->tag == T_A || ni->tag == T_FIGCAPTION ||
                 ni->tag == T_CAPTION || ni->tag == T_FIGURE))
        skip = TRUE;
      else if (ni && ni->text > 0 && ni->text <= MAX_LINE && ni->tag != T_BODY &&
               ni->tag != T_OPTION && !(n->parent == pd->title_node))
        {
          g_string_truncate (text, 0);
          clip_page_node_text (n, text, MAX_LINE * 4);
          if (strpbrk (text->str, "0123456789") && ni->link * 2 <= ni->text)
            {
              func (pd, text->str, text->len, place, data);
              lines++;
            }
          /* its children are in this line, unless the title or the
           * article's end is below */
          skip = n->children == NULL ||
                 !((place == LINE_BEFORE_TITLE && is_ancestor (n, pd->title_node)) ||
                   (end && place != LINE_AFTER_ARTICLE && is_ancestor (n, end)));
        }
      n = clip_page_next (n, pd->body, skip);
    }
}

typedef struct {
  ClipPageDate *date;
  guint         place;
} TextDate;

static gboolean
day_first (const char *language)
{
  return language && !(g_ascii_strcasecmp (language, "en") == 0 ||
                       g_ascii_strncasecmp (language, "en-us", 5) == 0);
}

static void
add_text_dates (PageDoc *pd, const char *line, gsize len, guint place, gpointer data)
{
  GArray *found = data;
  gint64 dates[4];
  g_autofree char *copy = g_strndup (line, len);
  guint n;

  /* 05/10/2018 is the 5th of October outside the United States: a page
   * in another language reads it day first (as clip-date reads 05.10.) */
  if (day_first (pd->page->language))
    for (char *c = copy; *c; c++)
      if (*c == '/' && c > copy && g_ascii_isdigit (c[-1]) && g_ascii_isdigit (c[1]))
        *c = '.';
  n = clip_page_find_dates (copy, len, dates, G_N_ELEMENTS (dates));
  gboolean boiler = pd->options->model &&
                    clip_page_model_knows (pd->options->model, clip_page_text_hash (line, len));
  g_autofree char *field = g_utf8_make_valid (line, MIN (len, MAX_LINE));

  for (guint i = 0; i < n && found->len < MAX_TEXT_DATES; i++)
    {
      guint before = pd->page->date_candidates->len;

      clip_page_add_date (pd, dates[i], CLIP_PAGE_SOURCE_TEXT, CLIP_PAGE_ROLE_UNKNOWN, field);
      if (pd->page->date_candidates->len > before)
        {
          TextDate td = { g_ptr_array_index (pd->page->date_candidates, before), place };

          if (boiler)
            td.date->clock = CLIP_PAGE_CLOCK_BOILERPLATE;
          g_array_append_val (found, td);
        }
    }
}

/* A page's clock shows the fetch time in the outlet's zone, which a text
 * date does not name: any whole or half hour off UTC within a day. */
static gboolean
is_fetch_time (const ClipPageDate *d, gint64 fetch)
{
  gint64 diff = d->date - fetch;

  if (d->source != CLIP_PAGE_SOURCE_TEXT)
    return ABS (diff) <= CLOCK_SLACK;
  if (ABS (diff) > 14 * 3600 + CLOCK_SLACK)
    return FALSE;
  diff = ((diff % 1800) + 1800) % 1800;
  return diff <= CLOCK_SLACK || diff >= 1800 - CLOCK_SLACK;
}

static void
mark_clocks (PageDoc *pd)
{
  gint64 fetch = pd->options->fetch_time;
  const ClipPageModel *model = pd->options->model;

  for (guint i = 0; i < pd->page->date_candidates->len; i++)
    {
      ClipPageDate *d = g_ptr_array_index (pd->page->date_candidates, i);

      if (d->clock != CLIP_PAGE_CLOCK_NONE)
        continue;
      if (fetch != CLIP_NO_DATE && is_fetch_time (d, fetch))
        d->clock = CLIP_PAGE_CLOCK_FETCH_TIME;
      else if (model && d->source == CLIP_PAGE_SOURCE_TEXT &&
               clip_page_model_knows (model, clip_page_date_hash (d->date)))
        d->clock = CLIP_PAGE_CLOCK_REPEATED;
      else if (fetch != CLIP_NO_DATE && d->date > fetch + 86400)
        d->clock = CLIP_PAGE_CLOCK_FUTURE;
    }
}

/* Lower is better: structured sources first, then <time>, the URL, and
 * text lines after the title before those above it. */
static int
source_rank (const ClipPageDate *d, guint place)
{
  switch (d->source)
    {
    case CLIP_PAGE_SOURCE_JSON_LD: return 0;
    case CLIP_PAGE_SOURCE_META: return 1;
    case CLIP_PAGE_SOURCE_MICRODATA: return 2;
    case CLIP_PAGE_SOURCE_TIME: return d->role == CLIP_PAGE_ROLE_PUBLISHED ? 3 : 5;
    case CLIP_PAGE_SOURCE_URL: return 6;
    case CLIP_PAGE_SOURCE_TEXT:
      return place == LINE_IN_ARTICLE ? 7 : place == LINE_BEFORE_TITLE ? 8 : G_MAXINT;
    default: return 9;
    }
}

static void
choose (PageDoc *pd, GArray *text_dates)
{
  ClipPage *page = pd->page;
  const ClipPageDate *best = NULL, *modified = NULL;
  int best_rank = G_MAXINT;

  for (guint i = 0; i < page->date_candidates->len; i++)
    {
      const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);
      guint place = LINE_IN_ARTICLE;
      int rank;

      if (d->clock != CLIP_PAGE_CLOCK_NONE)
        continue;
      if (d->role == CLIP_PAGE_ROLE_MODIFIED)
        {
          if (modified == NULL || d->source < modified->source)
            modified = d;
          continue;
        }
      for (guint k = 0; k < text_dates->len; k++)
        if (g_array_index (text_dates, TextDate, k).date == d)
          place = g_array_index (text_dates, TextDate, k).place;
      rank = source_rank (d, place);
      if (rank < best_rank)
        {
          best = d;
          best_rank = rank;
        }
    }
  /* a text line that disagrees with the URL by more than a day is
   * another date (a quote, a caption): the URL's day stands */
  if (best && best->source == CLIP_PAGE_SOURCE_TEXT)
    for (guint i = 0; i < page->date_candidates->len; i++)
      {
        const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);

        if (d->source == CLIP_PAGE_SOURCE_URL && d->clock == CLIP_PAGE_CLOCK_NONE &&
            ABS (d->date - best->date) > 36 * 3600)
          best = d;
      }
  /* the URL says the day; a text or <time> date of that day says the hour */
  if (best && best->source == CLIP_PAGE_SOURCE_URL)
    for (guint i = 0; i < page->date_candidates->len; i++)
      {
        const ClipPageDate *d = g_ptr_array_index (page->date_candidates, i);

        if (d->clock == CLIP_PAGE_CLOCK_NONE && d->role != CLIP_PAGE_ROLE_MODIFIED &&
            d != best && d->date / 86400 == best->date / 86400)
          {
            best = d;
            break;
          }
      }
  if (best)
    {
      page->published = best->date;
      page->published_source = best->source;
    }
  if (modified)
    page->modified = modified->date;
}

void
clip_page_read_dates (PageDoc *pd)
{
  g_autoptr(GArray) text_dates = g_array_new (FALSE, FALSE, sizeof (TextDate));
  gint64 from_url = url_date (pd->options->url);

  if (from_url == CLIP_NO_DATE)
    from_url = url_date (pd->page->canonical_url);
  clip_page_add_date (pd, from_url, CLIP_PAGE_SOURCE_URL, CLIP_PAGE_ROLE_PUBLISHED, "url");
  clip_page_each_date_line (pd, add_text_dates, text_dates);
  mark_clocks (pd);
  choose (pd, text_dates);
  if (pd->page->published == CLIP_NO_DATE)
    clip_page_problem (pd->page, "no-date", "%s",
                       pd->page->date_candidates->len
                       ? _("Every date on the page looks like a clock; no publication date")
                       : _("The page gives no publication date"));
}

guint64
clip_page_date_hash (gint64 date)
{
  char buf[48];
  int n = g_snprintf (buf, sizeof buf, "date:%" G_GINT64_FORMAT, date / 60);

  return clip_page_text_hash (buf, n);
}
