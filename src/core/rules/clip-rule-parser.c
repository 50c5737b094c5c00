/* clip-rule-parser.c — rule queries (shared/RULES.md) into a syntax tree
 *
 * A hand-written lexer and recursive-descent parser, so that every error
 * can name the column where the problem starts, in words an analyst reads.
 * Precedence, tightest first: primaries, NOT, NEAR/ONEAR, AND, OR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-rule-parser.h"
#include "clip-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (clip-rule-error-quark, clip_rule_error)

#define MAX_DEPTH 64

typedef enum {
  T_WORD, T_PHRASE, T_CASE, T_LIST, T_FIELD,
  T_LPAREN, T_RPAREN, T_AND, T_OR, T_NOT, T_NEAR, T_END,
} TokKind;

typedef struct {
  TokKind  kind;
  guint    column;
  gsize    off, len;     /* the token's own text (without quotes/braces) */
  guint    field;        /* T_FIELD */
  guint    distance;     /* T_NEAR */
  gboolean ordered;      /* T_NEAR: ONEAR */
  gboolean minus;        /* T_NOT written as "-" */
} Tok;

typedef struct {
  const char *q;
  GArray     *toks;
  guint       i;
  guint       depth;
  guint       err_col;
  GError     *error;
} Parser;

static const char *field_names[CLIP_RULE_N_FIELDS] = {
  "title", "body", "author", "outlet", "lang", "url", "tag",
};

const char *
clip_rule_field_name (ClipRuleField field)
{
  for (guint i = 0; i < CLIP_RULE_N_FIELDS; i++)
    if (field == (1u << i))
      return field_names[i];
  return NULL;
}

ClipRuleField
clip_rule_field_from_name (const char *name)
{
  if (g_ascii_strcasecmp (name, "site") == 0)
    return CLIP_RULE_FIELD_OUTLET;
  for (guint i = 0; i < CLIP_RULE_N_FIELDS; i++)
    if (g_ascii_strcasecmp (name, field_names[i]) == 0)
      return 1u << i;
  return 0;
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Parser *p, guint column, ClipRuleError code, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (p->error != NULL)
    return FALSE;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  p->err_col = column;
  p->error = g_error_new (CLIP_RULE_ERROR, code, _("column %u: %s"), column, msg);
  return FALSE;
}

static guint
column_at (const char *q, gsize off)
{
  return (guint) g_utf8_strlen (q, (gssize) off) + 1;
}

static gboolean
is_space (const char *s)
{
  return g_unichar_isspace (g_utf8_get_char (s));
}

static gboolean
is_special (char c)
{
  return c == '(' || c == ')' || c == '"' || c == '{' || c == '}';
}

/* Whether text has a word character or a wildcard: a token without
 * either ("&", "–") is punctuation and separates words, as in articles. */
static gboolean
has_word (const char *s, gsize len)
{
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    if (*p == '*' || *p == '?' || clip_text_is_word_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
push (Parser *p, TokKind kind, gsize off, gsize len, guint column)
{
  Tok t = { kind, column, off, len, 0, 0, FALSE, FALSE };

  g_array_append_val (p->toks, t);
}

/* Classifies a bare run of text: operator, NEAR/n, @list, field: or word.
 * Returns how many bytes it took (a field takes only "name:"). */
static gsize
lex_bare (Parser *p, gsize off, gsize len, gboolean value)
{
  const char *s = p->q + off;
  guint col = column_at (p->q, off);
  Tok *t;

  if (s[0] == '@')
    {
      for (gsize k = 1; k < len; k = g_utf8_next_char (s + k) - s)
        {
          gunichar c = g_utf8_get_char (s + k);
          if (!clip_text_is_word_char (c) && c != '_' && c != '-' && c != '.')
            return fail (p, col, CLIP_RULE_ERROR_UNKNOWN_LIST,
                         _("a term list's name is made of letters, digits, “_”, “-” and “.”")), 0;
        }
      if (len == 1)
        return fail (p, col, CLIP_RULE_ERROR_UNKNOWN_LIST,
                     _("“@” needs the name of a term list right after it")), 0;
      push (p, T_LIST, off + 1, len - 1, col);
      return len;
    }
  if (!value)
    {
      static const struct { const char *word; TokKind kind; } ops[] = {
        { "AND", T_AND }, { "OR", T_OR }, { "NOT", T_NOT },
      };
      gsize colon = 0;

      for (guint k = 0; k < G_N_ELEMENTS (ops); k++)
        if (len == strlen (ops[k].word) && memcmp (s, ops[k].word, len) == 0)
          {
            push (p, ops[k].kind, off, len, col);
            return len;
          }
      if ((len >= 4 && memcmp (s, "NEAR", 4) == 0 && (len == 4 || s[4] == '/')) ||
          (len >= 5 && memcmp (s, "ONEAR", 5) == 0 && (len == 5 || s[5] == '/')))
        {
          gboolean ordered = s[0] == 'O';
          gsize name_len = ordered ? 5 : 4;
          guint64 n = CLIP_RULE_DEFAULT_NEAR;

          if (len > name_len)
            {
              g_autofree char *num = g_strndup (s + name_len + 1, len - name_len - 1);
              guint ncol = col + (guint) name_len + 1;

              if (*num == '\0' || !g_ascii_string_to_unsigned (num, 10, 0, G_MAXUINT32, &n, NULL))
                return fail (p, ncol, CLIP_RULE_ERROR_DISTANCE,
                             _("%s/ needs a number of words from 0 to %d after the “/”"),
                             ordered ? "ONEAR" : "NEAR", CLIP_RULE_MAX_DISTANCE), 0;
              if (n > CLIP_RULE_MAX_DISTANCE)
                return fail (p, ncol, CLIP_RULE_ERROR_DISTANCE,
                             _("%s/%s is too far: the distance can be 0 to %d words"),
                             ordered ? "ONEAR" : "NEAR", num, CLIP_RULE_MAX_DISTANCE), 0;
            }
          push (p, T_NEAR, off, len, col);
          t = &g_array_index (p->toks, Tok, p->toks->len - 1);
          t->distance = (guint) n;
          t->ordered = ordered;
          return len;
        }
      while (colon < len && g_ascii_isalpha (s[colon]))
        colon++;
      if (colon > 0 && colon < len && s[colon] == ':')
        {
          g_autofree char *name = g_strndup (s, colon);
          ClipRuleField field = clip_rule_field_from_name (name);

          if (field == 0)
            return fail (p, col, CLIP_RULE_ERROR_UNKNOWN_FIELD,
                         _("there is no field “%s” (fields are title, body, author, "
                           "outlet, site, lang, url and tag; put other text with a colon "
                           "in quotes)"), name), 0;
          if (colon + 1 == len && (off + len >= strlen (p->q) || p->q[off + len] != '(') &&
              p->q[off + len] != '"' && p->q[off + len] != '{')
            return fail (p, col, CLIP_RULE_ERROR_MISSING_OPERAND,
                         _("%s: needs a word, phrase or group right after the colon"),
                         name), 0;
          push (p, T_FIELD, off, colon, col);
          g_array_index (p->toks, Tok, p->toks->len - 1).field = field;
          return colon + 1;
        }
    }
  if (has_word (s, len))
    push (p, T_WORD, off, len, col);
  return len;
}

/* Finds the closing delimiter of a quote or brace; errors name the opening. */
static gboolean
lex_delimited (Parser *p, gsize *off, char close, TokKind kind)
{
  const char *start = p->q + *off + 1;
  const char *end = strchr (start, close);
  guint col = column_at (p->q, *off);

  if (end == NULL)
    return fail (p, col, CLIP_RULE_ERROR_UNBALANCED,
                 close == '"' ? _("this quote is never closed")
                              : _("this “{” is never closed with “}”"));
  push (p, kind, (gsize) (start - p->q), (gsize) (end - start), col);
  *off = (gsize) (end - p->q) + 1;
  return TRUE;
}

static gboolean
lex (Parser *p)
{
  const char *q = p->q;
  gsize off = 0, n = strlen (q);
  gboolean at_start = TRUE;   /* start, after a space or "(": "-" is NOT */
  gboolean value = FALSE;     /* right after "field:" */

  while (off < n && p->error == NULL)
    {
      char c = q[off];
      gboolean was_value = value;

      value = FALSE;
      if (is_space (q + off))
        {
          off = (gsize) (g_utf8_next_char (q + off) - q);
          at_start = TRUE;
          continue;
        }
      if (c == '(' || c == ')')
        {
          push (p, c == '(' ? T_LPAREN : T_RPAREN, off, 1, column_at (q, off));
          off++;
          at_start = c == '(';
          continue;
        }
      if (c == '}')
        return fail (p, column_at (q, off), CLIP_RULE_ERROR_UNBALANCED,
                     _("this “}” has no “{” before it"));
      if (c == '"' || c == '{')
        {
          if (!lex_delimited (p, &off, c == '"' ? '"' : '}', c == '"' ? T_PHRASE : T_CASE))
            return FALSE;
          at_start = FALSE;
          continue;
        }
      if (c == '-' && at_start && !was_value && off + 1 < n && !is_space (q + off + 1) &&
          q[off + 1] != ')' && q[off + 1] != '-')
        {
          push (p, T_NOT, off, 1, column_at (q, off));
          g_array_index (p->toks, Tok, p->toks->len - 1).minus = TRUE;
          off++;
          continue;
        }
      {
        gsize len = 0, took;

        while (off + len < n && !is_special (q[off + len]) && !is_space (q + off + len))
          len = (gsize) (g_utf8_next_char (q + off + len) - q) - off;
        took = lex_bare (p, off, len, was_value);
        if (p->error)
          return FALSE;
        value = took < len || (took == len && p->toks->len > 0 &&
                               g_array_index (p->toks, Tok, p->toks->len - 1).kind == T_FIELD);
        off += took;
        at_start = FALSE;
      }
    }
  push (p, T_END, n, 0, column_at (q, n));
  return p->error == NULL;
}

/* Syntax tree */

static ClipRuleNode *
node_new (ClipRuleNodeKind kind, guint column)
{
  ClipRuleNode *node = g_new0 (ClipRuleNode, 1);

  node->kind = kind;
  node->column = column;
  if (kind != CLIP_RULE_NODE_TERM && kind != CLIP_RULE_NODE_LIST)
    node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_rule_node_free);
  return node;
}

void
clip_rule_node_free (ClipRuleNode *node)
{
  if (node == NULL)
    return;
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_pointer (&node->words, g_ptr_array_unref);
  g_free (node->name);
  g_free (node);
}

/* Splits text into word patterns: runs of word characters, "*" and "?".
 * Anything else separates words, so "Russian-backed" is a phrase. */
static gboolean
split_words (Parser *p, const char *text, gsize len, guint column, GPtrArray *words)
{
  const char *s = text, *end = text + len;

  while (s < end)
    {
      const char *w = s;
      guint letters = 0;
      gboolean star = FALSE, short_star = FALSE;

      while (s < end)
        {
          gunichar c = g_utf8_get_char (s);
          if (c == '*')
            {
              if (!star && letters < 2)
                short_star = TRUE;
              star = TRUE;
            }
          else if (c != '?' && !clip_text_is_word_char (c))
            break;
          else if (c != '?' && !star)
            letters++;
          s = g_utf8_next_char (s);
        }
      if (s > w)
        {
          if (short_star)
            return fail (p, column, CLIP_RULE_ERROR_WILDCARD,
                         _("“%.*s” is too broad: put at least 2 letters before “*”"),
                         (int) (s - w), w);
          g_ptr_array_add (words, g_strndup (w, (gsize) (s - w)));
        }
      if (s < end)
        s = g_utf8_next_char (s);
    }
  return TRUE;
}

static ClipRuleNode *
term_new (Parser *p, const Tok *t)
{
  g_autoptr(ClipRuleNode) node = node_new (CLIP_RULE_NODE_TERM, t->column);

  node->words = g_ptr_array_new_with_free_func (g_free);
  node->case_sensitive = t->kind == T_CASE;
  if (!split_words (p, p->q + t->off, t->len, t->column, node->words))
    return NULL;
  if (node->words->len == 0)
    {
      fail (p, t->column, CLIP_RULE_ERROR_EMPTY,
            t->kind == T_CASE ? _("there are no words between “{” and “}”")
                              : _("there are no words between these quotes"));
      return NULL;
    }
  return g_steal_pointer (&node);
}

static const Tok *
peek (Parser *p)
{
  return &g_array_index (p->toks, Tok, p->i);
}

static const Tok *
next (Parser *p)
{
  const Tok *t = peek (p);

  if (t->kind != T_END)
    p->i++;
  return t;
}

static gboolean
starts_operand (const Tok *t)
{
  return t->kind == T_WORD || t->kind == T_PHRASE || t->kind == T_CASE ||
         t->kind == T_LIST || t->kind == T_FIELD || t->kind == T_LPAREN || t->kind == T_NOT;
}

static const char *
op_name (const Tok *t)
{
  switch (t->kind)
    {
    case T_AND: return "AND";
    case T_OR: return "OR";
    case T_NOT: return t->minus ? "“-”" : "NOT";
    case T_NEAR: return t->ordered ? "ONEAR" : "NEAR";
    default: return "";
    }
}

static ClipRuleNode *parse_or (Parser *p);

static void
set_fields (ClipRuleNode *node, guint fields)
{
  if (node->kind == CLIP_RULE_NODE_TERM || node->kind == CLIP_RULE_NODE_LIST)
    {
      /* The innermost scope wins: title:(body:x) searches the body. */
      if (node->fields == 0)
        node->fields = fields;
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    set_fields (g_ptr_array_index (node->children, i), fields);
}

static ClipRuleNode *
parse_group (Parser *p, const Tok *open)
{
  ClipRuleNode *inner;

  if (++p->depth > MAX_DEPTH)
    return fail (p, open->column, CLIP_RULE_ERROR_TOO_LARGE,
                 _("brackets are nested too deeply")), NULL;
  if (peek (p)->kind == T_RPAREN)
    return fail (p, open->column, CLIP_RULE_ERROR_MISSING_OPERAND,
                 _("there is nothing between these brackets")), NULL;
  inner = parse_or (p);
  p->depth--;
  if (inner == NULL)
    return NULL;
  if (peek (p)->kind != T_RPAREN)
    {
      clip_rule_node_free (inner);
      return fail (p, open->column, CLIP_RULE_ERROR_UNBALANCED,
                   _("this “(” is never closed with “)”")), NULL;
    }
  next (p);
  /* Errors about the group point at its bracket. */
  inner->column = open->column;
  return inner;
}

static ClipRuleNode *
parse_primary (Parser *p)
{
  const Tok *t = next (p);
  ClipRuleNode *node;

  switch (t->kind)
    {
    case T_WORD:
    case T_PHRASE:
    case T_CASE:
      return term_new (p, t);
    case T_LIST:
      node = node_new (CLIP_RULE_NODE_LIST, t->column);
      node->name = g_strndup (p->q + t->off, t->len);
      return node;
    case T_FIELD:
      {
        const Tok *v = peek (p);
        if (v->kind != T_WORD && v->kind != T_PHRASE && v->kind != T_CASE &&
            v->kind != T_LIST && v->kind != T_LPAREN)
          return fail (p, t->column, CLIP_RULE_ERROR_MISSING_OPERAND,
                       _("%s: needs a word, phrase or group right after the colon"),
                       clip_rule_field_name (t->field)), NULL;
        node = parse_primary (p);
        if (node)
          set_fields (node, t->field);
        return node;
      }
    case T_LPAREN:
      return parse_group (p, t);
    case T_RPAREN:
      return fail (p, t->column, CLIP_RULE_ERROR_UNBALANCED,
                   _("this “)” has no “(” before it")), NULL;
    case T_AND:
    case T_OR:
    case T_NEAR:
      return fail (p, t->column, CLIP_RULE_ERROR_MISSING_OPERAND,
                   _("%s needs a word, phrase or group on its left"), op_name (t)), NULL;
    case T_END:
    case T_NOT:
    default:
      return fail (p, t->column, CLIP_RULE_ERROR_EMPTY, _("the query has no words")), NULL;
    }
}

static ClipRuleNode *
parse_unary (Parser *p)
{
  const Tok *t = peek (p);
  ClipRuleNode *node, *child;

  if (t->kind != T_NOT)
    return parse_primary (p);
  next (p);
  if (!starts_operand (peek (p)))
    return fail (p, t->column, CLIP_RULE_ERROR_MISSING_OPERAND,
                 _("%s needs a word, phrase or group on its right"), op_name (t)), NULL;
  if (++p->depth > MAX_DEPTH)
    return fail (p, t->column, CLIP_RULE_ERROR_TOO_LARGE, _("the query is nested too deeply")), NULL;
  child = parse_unary (p);
  p->depth--;
  if (child == NULL)
    return NULL;
  node = node_new (CLIP_RULE_NODE_NOT, t->column);
  g_ptr_array_add (node->children, child);
  return node;
}

/* NEAR takes terms, phrases, wildcards, lists and OR groups of those. */
static gboolean
near_operand_ok (const ClipRuleNode *node)
{
  if (node->kind == CLIP_RULE_NODE_TERM || node->kind == CLIP_RULE_NODE_LIST)
    return TRUE;
  if (node->kind != CLIP_RULE_NODE_OR)
    return FALSE;
  for (guint i = 0; i < node->children->len; i++)
    if (!near_operand_ok (g_ptr_array_index (node->children, i)))
      return FALSE;
  return TRUE;
}

static ClipRuleNode *
parse_near (Parser *p)
{
  g_autoptr(ClipRuleNode) left = parse_unary (p);

  while (left && peek (p)->kind == T_NEAR)
    {
      const Tok *t = next (p);
      g_autoptr(ClipRuleNode) right = NULL;
      ClipRuleNode *node;

      if (!starts_operand (peek (p)))
        return fail (p, t->column, CLIP_RULE_ERROR_MISSING_OPERAND,
                     _("%s needs a word or phrase on its right"), op_name (t)), NULL;
      right = parse_unary (p);
      if (right == NULL)
        return NULL;
      if (!near_operand_ok (left))
        return fail (p, left->column, CLIP_RULE_ERROR_NEAR_OPERAND,
                     _("%s takes a word, phrase, wildcard, list or an OR group of those "
                       "on its left, not this"), op_name (t)), NULL;
      if (!near_operand_ok (right))
        return fail (p, right->column, CLIP_RULE_ERROR_NEAR_OPERAND,
                     _("%s takes a word, phrase, wildcard, list or an OR group of those "
                       "on its right, not this"), op_name (t)), NULL;
      node = node_new (CLIP_RULE_NODE_NEAR, left->column);
      node->distance = t->distance;
      node->ordered = t->ordered;
      g_ptr_array_add (node->children, g_steal_pointer (&left));
      g_ptr_array_add (node->children, g_steal_pointer (&right));
      left = node;
    }
  return g_steal_pointer (&left);
}

/* Adds right to a node of kind, flattening nested ones: a b c is one AND
 * (both are associative, so brackets around the same operator change
 * nothing). */
static ClipRuleNode *
join (ClipRuleNodeKind kind, ClipRuleNode *left, ClipRuleNode *right)
{
  ClipRuleNode *node = left;

  if (left->kind != kind)
    {
      node = node_new (kind, left->column);
      g_ptr_array_add (node->children, left);
    }
  g_ptr_array_add (node->children, right);
  return node;
}

static ClipRuleNode *
parse_and (Parser *p)
{
  g_autoptr(ClipRuleNode) left = parse_near (p);

  while (left && (peek (p)->kind == T_AND || starts_operand (peek (p))))
    {
      ClipRuleNode *right;

      if (peek (p)->kind == T_AND)
        {
          const Tok *t = next (p);
          if (!starts_operand (peek (p)))
            return fail (p, t->column, CLIP_RULE_ERROR_MISSING_OPERAND,
                         _("AND needs a word, phrase or group on its right")), NULL;
        }
      right = parse_near (p);
      if (right == NULL)
        return NULL;
      left = join (CLIP_RULE_NODE_AND, g_steal_pointer (&left), right);
    }
  return g_steal_pointer (&left);
}

static ClipRuleNode *
parse_or (Parser *p)
{
  g_autoptr(ClipRuleNode) left = parse_and (p);

  while (left && peek (p)->kind == T_OR)
    {
      const Tok *t = next (p);
      ClipRuleNode *right;

      if (!starts_operand (peek (p)))
        return fail (p, t->column, CLIP_RULE_ERROR_MISSING_OPERAND,
                     _("OR needs a word, phrase or group on its right")), NULL;
      right = parse_and (p);
      if (right == NULL)
        return NULL;
      left = join (CLIP_RULE_NODE_OR, g_steal_pointer (&left), right);
    }
  return g_steal_pointer (&left);
}

/* NOT must sit directly in an AND that also wants something positive. */
static gboolean
check_not (Parser *p, const ClipRuleNode *node, const ClipRuleNode *parent)
{
  if (node->kind == CLIP_RULE_NODE_NOT)
    {
      if (parent == NULL)
        return fail (p, node->column, CLIP_RULE_ERROR_NO_POSITIVE,
                     _("this query only says what an article must not have: "
                       "add a word it must have"));
      if (parent->kind != CLIP_RULE_NODE_AND)
        return fail (p, node->column, CLIP_RULE_ERROR_MISPLACED_NOT,
                     _("NOT only works beside something an article must have, "
                       "as in “Russia NOT sport”"));
    }
  if (node->kind == CLIP_RULE_NODE_AND)
    {
      gboolean positive = FALSE;

      for (guint i = 0; i < node->children->len; i++)
        {
          const ClipRuleNode *c = g_ptr_array_index (node->children, i);
          positive |= c->kind != CLIP_RULE_NODE_NOT;
        }
      if (!positive)
        return fail (p, node->column, CLIP_RULE_ERROR_NO_POSITIVE,
                     _("this part only says what an article must not have: "
                       "add a word it must have"));
    }
  for (guint i = 0; node->children && i < node->children->len; i++)
    if (!check_not (p, g_ptr_array_index (node->children, i), node))
      return FALSE;
  return TRUE;
}

static ClipRuleNode *
finish (Parser *p, ClipRuleNode *root, guint *error_column, GError **error)
{
  if (root && p->error == NULL && peek (p)->kind != T_END)
    fail (p, peek (p)->column, CLIP_RULE_ERROR_UNBALANCED, _("this “)” has no “(” before it"));
  if (root && p->error == NULL)
    check_not (p, root, NULL);
  g_array_unref (p->toks);
  if (p->error)
    {
      clip_rule_node_free (root);
      if (error_column)
        *error_column = p->err_col;
      g_propagate_error (error, p->error);
      return NULL;
    }
  return root;
}

ClipRuleNode *
clip_rule_parse (const char  *query,
                 guint       *error_column,
                 GError     **error)
{
  Parser p = { query, NULL, 0, 0, 0, NULL };
  ClipRuleNode *root = NULL;

  g_return_val_if_fail (query != NULL, NULL);

  p.toks = g_array_new (FALSE, FALSE, sizeof (Tok));
  if (strlen (query) > CLIP_RULE_MAX_QUERY)
    fail (&p, 1, CLIP_RULE_ERROR_TOO_LARGE, _("the query is longer than %d bytes"),
          CLIP_RULE_MAX_QUERY);
  else if (!g_utf8_validate (query, -1, NULL))
    fail (&p, 1, CLIP_RULE_ERROR_EMPTY, _("the query is not valid UTF-8 text"));
  else if (lex (&p))
    root = parse_or (&p);
  return finish (&p, root, error_column, error);
}

ClipRuleNode *
clip_rule_parse_entry (const char  *entry,
                       GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (entry ? entry : ""));
  Parser p = { text, NULL, 0, 0, 0, NULL };
  Tok t = { T_WORD, 1, 0, strlen (text), 0, 0, FALSE, FALSE };
  ClipRuleNode *node = NULL;
  gsize n = strlen (text);

  p.toks = g_array_new (FALSE, FALSE, sizeof (Tok));
  push (&p, T_END, 0, 0, 1);
  if (!g_utf8_validate (text, -1, NULL))
    fail (&p, 1, CLIP_RULE_ERROR_BAD_LIST, _("the entry is not valid UTF-8 text"));
  else if (text[0] == '@')
    fail (&p, 1, CLIP_RULE_ERROR_BAD_LIST, _("a term list cannot refer to another list"));
  else
    {
      if (n >= 2 && ((text[0] == '{' && text[n - 1] == '}') ||
                     (text[0] == '"' && text[n - 1] == '"')))
        {
          t.kind = text[0] == '{' ? T_CASE : T_PHRASE;
          t.off = 1;
          t.len = n - 2;
        }
      node = term_new (&p, &t);
      if (node == NULL && p.error && p.error->code == CLIP_RULE_ERROR_EMPTY)
        {
          g_clear_error (&p.error);
          fail (&p, 1, CLIP_RULE_ERROR_BAD_LIST, _("the entry “%s” has no words"), text);
        }
    }
  g_array_unref (p.toks);
  if (p.error)
    {
      g_propagate_error (error, p.error);
      return NULL;
    }
  return node;
}
