/* fuzz-rules.c — the rule language: a query (the first line) is parsed,
 * resolved against term lists, translated for FTS5 and matched against an
 * article (the rest: fields separated by U+001F, title first); every span
 * of a match lies inside its field, on character boundaries, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "clip-rule-fts.h"
#include "clip-ruleset.h"

#include <string.h>

static ClipTermLists *
term_lists (void)
{
  /* The shipped lists' names and first entries (data/rules). */
  static const char *entries[][2] = {
    { "russia_terms", "Russia*" },
    { "russia_terms", "Kremlin" },
    { "russia_terms", "Moscow" },
    { "russia_terms", "Росси*" },
    { "georgia_terms", "Georgia*" },
    { "georgia_terms", "Tbilisi" },
    { "georgia_terms", "Грузи*" },
    { "georgia_terms", "Тбилис*" },
    { "nato_terms", "{NATO}" },
    { "nato_terms", "\"North Atlantic Alliance\"" },
    { "nato_terms", "НАТО" },
    { "nato_terms", "\"Североатлантическ* альянс*\"" },
    { "eu_terms", "\"European Union\"" },
    { "eu_terms", "{EU}" },
    { "eu_terms", "\"European Council\"" },
    { "eu_terms", "\"European Commission\"" },
    { "integration_terms", "integrat*" },
    { "integration_terms", "membership" },
    { "integration_terms", "accession" },
    { "integration_terms", "candida*" },
    { "election_terms", "election*" },
    { "election_terms", "elector*" },
    { "election_terms", "vote*" },
    { "election_terms", "voting" },
    { "protest_terms", "protest*" },
    { "protest_terms", "demonstration*" },
    { "protest_terms", "demonstrator*" },
    { "protest_terms", "rally" },
    { "foreign_agents_terms", "\"foreign agent*\"" },
    { "foreign_agents_terms", "\"foreign influence\"" },
    { "foreign_agents_terms", "\"transparency law\"" },
    { "foreign_agents_terms", "\"иностранн* агент*\"" },
    { "disinformation_terms", "disinformation" },
    { "disinformation_terms", "misinformation" },
    { "disinformation_terms", "propaganda" },
    { "disinformation_terms", "\"fake news\"" },
    { "russia_terms", "Кремл?" }, { "georgia_terms", "საქართველო*" },
    { "georgia_terms", "\"Georgian Dream\"" }, { "russia_terms", "\"Vladimir Putin\"" },
  };
  ClipTermLists *lists = clip_term_lists_new ();

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    clip_term_lists_add (lists, entries[i][0], entries[i][1]);
  clip_term_lists_add (lists, "empty", NULL);
  return lists;
}

typedef struct {
  const ClipRuleDoc *doc;
  guint              calls;
} Check;

static gboolean
on_char_start (const char *text, guint offset)
{
  return text[offset] == '\0' || ((guchar) text[offset] & 0xC0) != 0x80;
}

static void
on_match (gint64 rule_id, const ClipRuleSpan *spans, guint n, gpointer data)
{
  Check *c = data;

  c->calls++;
  FUZZ_CHECK (rule_id == 1, "rule %" G_GINT64_FORMAT " matched", rule_id);
  for (guint i = 0; i < n; i++)
    {
      const ClipRuleSpan *s = &spans[i];
      const char *text;
      gsize len;

      FUZZ_CHECK (s->field != 0 && (s->field & (s->field - 1)) == 0 &&
                  s->field < 1u << CLIP_RULE_N_FIELDS, "a span in field %#x", s->field);
      text = c->doc->text[g_bit_nth_lsf (s->field, -1)];
      FUZZ_CHECK (text != NULL, "a span in field %#x, which has no text", s->field);
      len = strlen (text);
      FUZZ_CHECK (s->start < s->end && s->end <= len, "span %u-%u in a field of %" G_GSIZE_FORMAT
                  " bytes", s->start, s->end, len);
      FUZZ_CHECK (on_char_start (text, s->start) && on_char_start (text, s->end),
                  "span %u-%u cuts a character", s->start, s->end);
      if (i > 0)
        FUZZ_CHECK (spans[i - 1].field < s->field ||
                    (spans[i - 1].field == s->field && spans[i - 1].start < s->start) ||
                    (spans[i - 1].field == s->field && spans[i - 1].start == s->start &&
                     spans[i - 1].end != s->end),
                    "spans out of order or twice");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static ClipTermLists *lists;
  g_autofree char *input = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(ClipRuleSet) set = clip_rule_set_new ();
  g_autoptr(ClipRuleNode) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *fts = NULL;
  char *newline = strchr (input, '\n');
  ClipRuleDoc doc = { { NULL } };
  Check check = { &doc, 0 };
  guint column = 0;

  if (lists == NULL)
    lists = term_lists ();
  if (newline != NULL)
    *newline = '\0';
  tree = clip_rule_compile_tree (input, lists, &column, &error);
  if (tree == NULL)
    {
      FUZZ_CHECK (error != NULL && g_str_has_prefix (error->message, "column "),
                  "a refusal without its column: %s", error ? error->message : "(none)");
      return 0;
    }
  g_free (clip_rule_node_to_string (tree));
  fts = clip_rule_to_fts (tree, NULL);
  fuzz_check_utf8 ("fts", fts);
  clip_rule_set_add (set, 1, tree);
  fields = g_strsplit (newline ? newline + 1 : "", "\x1f", CLIP_RULE_N_FIELDS);
  for (guint i = 0; fields[i] != NULL; i++)
    doc.text[i] = fields[i];
  FUZZ_CHECK (clip_rule_set_match (set, &doc, on_match, &check) == check.calls,
              "a match count that is not the matches'");
  return 0;
}
