/* clip-robots.c — robots.txt read into the rules for one agent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-robots.h"

#include <math.h>
#include <string.h>

typedef struct {
  char    *pattern;
  gboolean allow;
} Rule;

struct _ClipRobots {
  GPtrArray *rules;      /* Rule* of the chosen group */
  guint      delay;
  GPtrArray *sitemaps;   /* char*, NULL-terminated */
};

typedef struct {
  GPtrArray *rules;
  guint      delay;
  gboolean   has_delay;
} Group;

static void
rule_free (Rule *r)
{
  g_free (r->pattern);
  g_free (r);
}

void
clip_robots_free (ClipRobots *robots)
{
  if (robots == NULL)
    return;
  g_ptr_array_unref (robots->rules);
  g_ptr_array_unref (robots->sitemaps);
  g_free (robots);
}

/* "key: value # comment" → key lower-case and value trimmed; FALSE for a
 * line that is neither. */
static gboolean
split_line (char *line, char **key, char **value)
{
  char *hash = strchr (line, '#');
  char *colon;

  if (hash)
    *hash = '\0';
  if ((colon = strchr (line, ':')) == NULL)
    return FALSE;
  *colon = '\0';
  *key = g_strstrip (line);
  *value = g_strstrip (colon + 1);
  for (char *p = *key; *p; p++)
    *p = g_ascii_tolower (*p);
  return **key != '\0';
}

/* Whether the group's user-agent line names agent: "*" is any, else the
 * product token, case-insensitive. */
static int
agent_match (const char *value, const char *agent)
{
  g_autofree char *v = g_ascii_strdown (value, -1);
  g_autofree char *a = g_ascii_strdown (agent, -1);

  if (g_str_equal (v, "*"))
    return 1;
  return *v && strstr (a, v) == a ? 2 : 0;
}

/* Reads every group; the best match for agent (2: named, 1: "*") wins
 * and equal groups merge, as the RFC says. */
static void
read_groups (ClipRobots *robots, char **lines, const char *agent)
{
  Group named = { g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free), 0, FALSE };
  Group any = { g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free), 0, FALSE };
  Group *current[2] = { NULL, NULL };
  gboolean in_agents = FALSE, named_seen = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      char *key, *value;

      if (!split_line (lines[i], &key, &value))
        continue;
      if (g_str_equal (key, "sitemap"))
        {
          if (g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://"))
            g_ptr_array_insert (robots->sitemaps, robots->sitemaps->len - 1, g_strdup (value));
          continue;
        }
      if (g_str_equal (key, "user-agent"))
        {
          int m = agent_match (value, agent);

          if (!in_agents)
            current[0] = current[1] = NULL;
          in_agents = TRUE;
          if (m == 2)
            {
              current[0] = &named;
              named_seen = TRUE;
            }
          else if (m == 1)
            current[1] = &any;
          continue;
        }
      in_agents = FALSE;
      for (guint g = 0; g < 2; g++)
        {
          Group *grp = current[g];

          if (grp == NULL)
            continue;
          if ((g_str_equal (key, "allow") || g_str_equal (key, "disallow")) && *value)
            {
              Rule *r = g_new0 (Rule, 1);

              r->pattern = g_strdup (value);
              r->allow = g_str_equal (key, "allow");
              g_ptr_array_add (grp->rules, r);
            }
          else if (g_str_equal (key, "crawl-delay"))
            {
              double d = g_ascii_strtod (value, NULL);

              /* a fraction of a second waits a whole one; nonsense none */
              grp->delay = d > 0 && d < 1e6 ? (guint) MIN (ceil (d), CLIP_ROBOTS_MAX_DELAY) : 0;
              grp->has_delay = TRUE;
            }
        }
    }
  robots->rules = named_seen ? named.rules : any.rules;
  robots->delay = named_seen ? named.delay : any.delay;
  g_ptr_array_unref (robots->rules == named.rules ? any.rules : named.rules);
}

ClipRobots *
clip_robots_parse (const char *data, gsize len, const char *agent)
{
  ClipRobots *robots = g_new0 (ClipRobots, 1);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  robots->sitemaps = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (robots->sitemaps, NULL);
  if (data == NULL)
    {
      robots->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
      return robots;
    }
  /* A NUL in the bytes ends the text: it is data, not a file of lines. */
  text = g_strndup (data, MIN (len, CLIP_ROBOTS_MAX_BYTES));
  lines = g_strsplit_set (text, "\r\n", -1);
  read_groups (robots, lines, agent ? agent : CLIP_ROBOTS_AGENT);
  return robots;
}

/* Whether pattern matches the start of path: "*" any run, a closing "$"
 * the end. Greedy with one backtrack point, so linear-ish in both: a
 * hostile "*a*a*a…" costs no more than its length times the path's. */
static gboolean
pattern_match (const char *pattern, const char *path)
{
  gsize plen = strlen (pattern);
  gboolean anchored = plen > 0 && pattern[plen - 1] == '$';
  gsize i = 0, j = 0, mark = 0;
  gssize star = -1;

  if (anchored)
    plen--;
  while (path[i])
    {
      if (j == plen && !anchored)
        return TRUE;
      if (j < plen && pattern[j] == '*')
        {
          star = (gssize) j++;
          mark = i;
        }
      else if (j < plen && pattern[j] == path[i])
        {
          i++;
          j++;
        }
      else if (star >= 0)
        {
          j = (gsize) star + 1;
          i = ++mark;
        }
      else
        return FALSE;
    }
  while (j < plen && pattern[j] == '*')
    j++;
  return j == plen;
}

/* The path and query of url, or url itself when it is a path. */
static char *
path_of (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return g_strdup ("/");
  if (url[0] == '/')
    return g_strdup (url);
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return g_strdup ("/");
  return g_strdup_printf ("%s%s%s", *g_uri_get_path (uri) ? g_uri_get_path (uri) : "/",
                          g_uri_get_query (uri) ? "?" : "",
                          g_uri_get_query (uri) ? g_uri_get_query (uri) : "");
}

gboolean
clip_robots_allowed (const ClipRobots *robots, const char *url)
{
  g_autofree char *path = NULL;
  gsize best = 0;
  gboolean allowed = TRUE;

  if (robots == NULL || robots->rules->len == 0)
    return TRUE;
  path = path_of (url);
  /* /robots.txt itself is always allowed */
  if (g_str_equal (path, "/robots.txt"))
    return TRUE;
  for (guint i = 0; i < robots->rules->len; i++)
    {
      const Rule *r = g_ptr_array_index (robots->rules, i);
      gsize len = strlen (r->pattern);

      if (!pattern_match (r->pattern, path))
        continue;
      if (len > best || (len == best && r->allow))
        {
          best = len;
          allowed = r->allow;
        }
    }
  return allowed;
}

guint
clip_robots_crawl_delay (const ClipRobots *robots)
{
  return robots ? robots->delay : 0;
}

const char * const *
clip_robots_sitemaps (const ClipRobots *robots)
{
  return (const char * const *) robots->sitemaps->pdata;
}
