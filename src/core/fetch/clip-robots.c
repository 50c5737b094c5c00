/* clip-robots.c — robots.txt parsed into one group of rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-robots.h"

#include <math.h>
#include <string.h>

typedef struct {
  char    *pattern;
  gboolean allow;
} Rule;

struct _ClipRobots {
  GArray    *rules;      /* Rule, of the group that applies */
  gboolean   deny_all;
  guint      delay;      /* its Crawl-delay, milliseconds */
  GPtrArray *sitemaps;   /* char*, NULL-terminated: every Sitemap: line */
};

static void
rule_clear (Rule *r)
{
  g_free (r->pattern);
}

static ClipRobots *
robots_new (void)
{
  ClipRobots *self = g_new0 (ClipRobots, 1);

  self->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  g_array_set_clear_func (self->rules, (GDestroyNotify) rule_clear);
  self->sitemaps = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->sitemaps, NULL);
  return self;
}

ClipRobots *
clip_robots_new_allow_all (void)
{
  return robots_new ();
}

ClipRobots *
clip_robots_new_deny_all (void)
{
  ClipRobots *self = robots_new ();

  self->deny_all = TRUE;
  return self;
}

void
clip_robots_free (ClipRobots *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rules);
  g_ptr_array_unref (self->sitemaps);
  g_free (self);
}

/* How well a user-agent line names us: the token's length when it is a
 * prefix of our agent, 0 for "*", -1 when it is not about us. */
static gint
agent_score (const char *token, const char *agent)
{
  gsize n = strlen (token);

  if (strcmp (token, "*") == 0)
    return 0;
  if (n > 0 && g_ascii_strncasecmp (agent, token, n) == 0)
    return (gint) n;
  return -1;
}

typedef struct {
  const char *agent;
  gint        best;        /* score of the group kept so far, -1 none */
  gint        current;     /* best score of the group being read */
  gboolean    in_rules;    /* the group's agent lines are over */
  GArray     *group;       /* its rules */
  ClipRobots *self;
  guint       delay;       /* the group's Crawl-delay */
  gint        delay_best;  /* score of the group the delay is from */
} Parser;

static void
end_group (Parser *p)
{
  /* Crawl-delay (not in the RFC; sites use it): the group that applies,
   * the longest of merged groups. */
  if (p->current >= 0 && p->current > p->delay_best)
    {
      p->self->delay = p->delay;
      p->delay_best = p->current;
    }
  else if (p->current >= 0 && p->current == p->delay_best)
    p->self->delay = MAX (p->self->delay, p->delay);
  p->delay = 0;
  if (p->current >= 0 && p->current >= p->best && p->group->len > 0)
    {
      /* Groups of the same agent are merged (RFC 9309 2.2.1). */
      if (p->current > p->best)
        g_array_set_size (p->self->rules, 0);
      for (guint i = 0; i < p->group->len; i++)
        {
          Rule r = g_array_index (p->group, Rule, i);

          r.pattern = g_strdup (r.pattern);
          g_array_append_val (p->self->rules, r);
        }
      p->best = p->current;
    }
  else if (p->current > p->best)
    {
      /* A group about us that allows everything. */
      g_array_set_size (p->self->rules, 0);
      p->best = p->current;
    }
  g_array_set_size (p->group, 0);
  p->current = -1;
  p->in_rules = FALSE;
}

static guint
count_stars (const char *s)
{
  guint n = 0;

  for (; *s; s++)
    n += *s == '*';
  return n;
}

/* Seconds, perhaps with a fraction (a decimal comma too), as whole
 * milliseconds rounded up; clamped to CLIP_ROBOTS_MAX_DELAY. Nonsense
 * (not a number, NaN, zero or less) asks for no delay. */
static guint
parse_delay (char *value)
{
  char *end = NULL;
  double d;

  g_strdelimit (value, ",", '.');
  d = g_ascii_strtod (value, &end);
  if (end == value || isnan (d) || d <= 0)
    return 0;
  if (d >= CLIP_ROBOTS_MAX_DELAY)
    return CLIP_ROBOTS_MAX_DELAY * 1000;
  return (guint) MAX (ceil (d * 1000), 1);
}

static void
parse_line (Parser *p, char *line)
{
  char *colon, *key, *value, *hash = strchr (line, '#');

  if (hash)
    *hash = '\0';
  colon = strchr (line, ':');
  if (colon == NULL)
    return;
  *colon = '\0';
  key = g_strstrip (line);
  value = g_strstrip (colon + 1);
  if (g_ascii_strcasecmp (key, "user-agent") == 0)
    {
      if (p->in_rules)
        end_group (p);
      p->current = MAX (p->current, agent_score (value, p->agent));
    }
  else if (g_ascii_strcasecmp (key, "sitemap") == 0)
    {
      /* Sitemap lines belong to no group. */
      if ((g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://")) &&
          p->self->sitemaps->len <= 64)
        g_ptr_array_insert (p->self->sitemaps, p->self->sitemaps->len - 1, g_strdup (value));
    }
  else if (g_ascii_strcasecmp (key, "crawl-delay") == 0)
    {
      p->in_rules = TRUE;
      p->delay = parse_delay (value);
    }
  else if (g_ascii_strcasecmp (key, "allow") == 0 || g_ascii_strcasecmp (key, "disallow") == 0)
    {
      Rule r = { NULL, g_ascii_strcasecmp (key, "allow") == 0 };

      p->in_rules = TRUE;
      /* "Disallow:" with nothing allows everything: no rule. */
      if (*value == '\0')
        return;
      /* Matching backtracks at each star: a hostile file's pattern of
       * hundreds would take forever. No real rule needs more than a few. */
      if (strlen (value) > 2048 || count_stars (value) > 8)
        return;
      r.pattern = g_strdup (value);
      g_array_append_val (p->group, r);
    }
}

ClipRobots *
clip_robots_parse (const char *text,
                   gsize       len,
                   const char *agent)
{
  g_autofree char *copy = g_strndup (text ? text : "", MIN (len, CLIP_ROBOTS_MAX_BYTES));
  g_autoptr(GArray) group = g_array_new (FALSE, FALSE, sizeof (Rule));
  Parser p = { agent ? agent : CLIP_ROBOTS_AGENT, -1, -1, FALSE, group, robots_new (), 0, -1 };
  char *line = copy, *next;

  g_array_set_clear_func (group, (GDestroyNotify) rule_clear);
  for (; line != NULL; line = next)
    {
      next = strpbrk (line, "\r\n");
      if (next)
        *next++ = '\0';
      parse_line (&p, line);
    }
  end_group (&p);
  return p.self;
}

/* Whether pattern matches the start of path; "*" any run, "$" at the
 * end the end. Backtracking is bounded by the pattern's stars. */
static gboolean
match_here (const char *pat, const char *path)
{
  for (; *pat; pat++, path++)
    {
      if (*pat == '*')
        {
          while (pat[1] == '*')
            pat++;
          for (const char *p = path;; p++)
            {
              if (match_here (pat + 1, p))
                return TRUE;
              if (*p == '\0')
                return FALSE;
            }
        }
      if (*pat == '$' && pat[1] == '\0')
        return *path == '\0';
      if (*path != *pat)
        return FALSE;
    }
  return TRUE;
}

gboolean
clip_robots_allowed (const ClipRobots *self,
                     const char       *path)
{
  gsize best = 0;
  gboolean allowed = TRUE, found = FALSE;

  if (self->deny_all)
    return FALSE;
  if (path == NULL || *path == '\0')
    path = "/";
  /* robots.txt itself is always allowed. */
  if (strcmp (path, "/robots.txt") == 0)
    return TRUE;
  for (guint i = 0; i < self->rules->len; i++)
    {
      const Rule *r = &g_array_index (self->rules, Rule, i);
      gsize n = strlen (r->pattern);

      if (!match_here (r->pattern, path))
        continue;
      if (!found || n > best || (n == best && r->allow))
        {
          best = n;
          allowed = r->allow;
          found = TRUE;
        }
    }
  return allowed;
}

gboolean
clip_robots_allowed_url (const ClipRobots *self,
                         const char       *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *path = NULL;

  if (uri == NULL)
    return FALSE;
  path = g_uri_get_query (uri)
         ? g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL)
         : g_strdup (g_uri_get_path (uri));
  return clip_robots_allowed (self, path);
}

guint
clip_robots_crawl_delay_ms (const ClipRobots *self)
{
  return self ? self->delay : 0;
}

const char * const *
clip_robots_sitemaps (const ClipRobots *self)
{
  return (const char * const *) self->sitemaps->pdata;
}
