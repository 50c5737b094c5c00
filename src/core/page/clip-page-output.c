/* clip-page-output.c — the chosen part of the page written out as plain,
 * safe HTML and as text with its paragraphs
 *
 * The chosen nodes are walked once more and cleaned as they are written
 * (Readability's "clean conditionally"): link lists, share bars, captions,
 * the title's heading and blocks the outlet's model knows stay out. What
 * is kept becomes a small vocabulary of HTML (p, h2-h6, lists, quotes,
 * pre, tables, links, emphasis, images); loose text in a <div> becomes
 * paragraphs. The feed module's sanitiser then makes that safe and gives
 * its text, so the text is exactly what the HTML shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"
#include "clip-html-sanitize.h"

#include <string.h>

typedef struct {
  PageDoc *pd;
  GString *html;
  guint    text_depth;  /* inside p, li, h2…: no implicit paragraph */
  char    *title;       /* the page's title, spacing collapsed */
  guint32  title_chars; /* its characters but spaces, as NodeInfo counts */
  gboolean implicit;    /* an implicit <p> is open */
} Writer;

/* The element a tag is written as, or NULL when it is written as its
 * content only. */
static const char *
written_as (Tag tag)
{
  switch (tag)
    {
    case T_P: return "p";
    case T_H1: case T_H2: return "h2";
    case T_H3: return "h3";
    case T_H4: return "h4";
    case T_H5: case T_H6: return "h5";
    case T_UL: case T_MENU: return "ul";
    case T_OL: return "ol";
    case T_LI: return "li";
    case T_DL: return "dl";
    case T_DT: return "dt";
    case T_DD: return "dd";
    case T_BLOCKQUOTE: return "blockquote";
    case T_PRE: return "pre";
    case T_TABLE: return "table";
    case T_TR: return "tr";
    case T_TD: return "td";
    case T_TH: return "th";
    case T_A: return "a";
    case T_B: return "b";
    case T_STRONG: return "strong";
    case T_I: return "i";
    case T_EM: return "em";
    case T_CODE: return "code";
    case T_SUB: return "sub";
    case T_SUP: return "sup";
    case T_Q: return "q";
    case T_CITE: return "cite";
    case T_MARK: return "mark";
    case T_S: case T_DEL: return "del";
    case T_INS: case T_U: return "ins";
    default: return NULL;
    }
}

static gboolean
holds_text (Tag tag)
{
  switch (tag)
    {
    case T_P: case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_LI:
    case T_DT: case T_DD: case T_PRE: case T_TD: case T_TH:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
escape (GString *out, const char *s, gboolean attribute)
{
  for (; *s; s++)
    switch (*s)
      {
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '"':
        if (attribute)
          g_string_append (out, "&quot;");
        else
          g_string_append_c (out, '"');
        break;
      default: g_string_append_c (out, *s);
      }
}

static void
close_implicit (Writer *w)
{
  if (w->implicit)
    {
      g_string_append (w->html, "</p>\n");
      w->implicit = FALSE;
    }
}

static void
write_text (Writer *w, const char *s)
{
  const char *p = s;

  while (*p && g_ascii_isspace (*p))
    p++;
  if (w->text_depth == 0 && !w->implicit)
    {
      if (*p == '\0')
        return;
      g_string_append (w->html, "<p>");
      w->implicit = TRUE;
    }
  escape (w->html, s, FALSE);
}

static void
write_img (Writer *w, xmlNodePtr node)
{
  const char *src = clip_page_attr (node, "src");
  g_autofree char *abs = NULL;

  /* lazy loading: the real address is in data-src */
  if (src == NULL || g_str_has_prefix (src, "data:"))
    src = clip_page_attr (node, "data-src");
  if (src == NULL || (abs = clip_page_resolve (w->pd, src)) == NULL)
    return;
  close_implicit (w);
  g_string_append (w->html, "<img src=\"");
  escape (w->html, abs, TRUE);
  g_string_append (w->html, "\">\n");
}

static float
density (const NodeInfo *ni)
{
  return ni->text ? (float) ni->link / ni->text : 0;
}

/* Readability's conditional cleaning, for containers with few sentences:
 * link lists and near-empty blocks go. */
static gboolean
drop_container (const NodeInfo *ni)
{
  float weight = (ni->flags & NI_POSITIVE) ? 25 : 0;

  if (ni->commas >= 10)
    return FALSE;
  if (ni->text < 25)
    return TRUE;
  if (weight < 25 && density (ni) > 0.3f)
    return TRUE;
  return density (ni) > 0.5f;
}

/* The headline repeated above the text, in whatever element it is. */
static gboolean
is_title (Writer *w, xmlNodePtr node, NodeInfo *ni)
{
  g_autoptr(GString) text = NULL;

  if (w->title_chars == 0 || ni->text < w->title_chars || ni->text > w->title_chars + 2)
    return FALSE;
  text = g_string_new (NULL);
  clip_page_node_text (node, text, 4096);
  return g_strcmp0 (text->str, w->title) == 0;
}

static gboolean
skip_element (Writer *w, xmlNodePtr node)
{
  NodeInfo *ni = INFO (node);
  PageDoc *pd = w->pd;

  if (ni->tag == T_IMG)
    return FALSE;
  if (clip_page_is_chrome (pd, node, TRUE) || node == pd->title_node || ni->tag == T_H1 ||
      is_title (w, node, ni) ||
      ni->tag == T_FIGCAPTION || ni->tag == T_CAPTION || ni->tag == T_FIGURE)
    return TRUE;
  switch (ni->tag)
    {
    case T_DIV: case T_SECTION: case T_UL: case T_OL: case T_TABLE: case T_ASIDE:
    case T_FORM: case T_HEADER: case T_DL: case T_MENU: case T_CENTER:
      return node != pd->top && drop_container (ni);
    case T_P: case T_LI: case T_DD:
      return ni->text < 120 && density (ni) > 0.6f;
    default:
      return ni->text == 0 && !(ni->flags & NI_BLOCKS) && ni->tag != T_BR && ni->tag != T_TD &&
             ni->tag != T_TH;
    }
}

static void
enter (Writer *w, xmlNodePtr node)
{
  NodeInfo *ni = INFO (node);
  const char *as = written_as (ni->tag);
  guint kind = clip_page_tag_kind (ni->tag);

  if (ni->tag == T_BR)
    {
      if (w->implicit)
        close_implicit (w);
      else if (w->text_depth)
        g_string_append (w->html, "<br>");
      return;
    }
  if (ni->tag == T_IMG)
    {
      write_img (w, node);
      return;
    }
  if ((kind & K_BLOCK))
    close_implicit (w);
  if (as == NULL)
    return;
  if (!(kind & K_BLOCK) && w->text_depth == 0 && !w->implicit)
    {
      g_string_append (w->html, "<p>");
      w->implicit = TRUE;
    }
  g_string_append_c (w->html, '<');
  g_string_append (w->html, as);
  if (ni->tag == T_A)
    {
      g_autofree char *href = clip_page_resolve (w->pd, clip_page_attr (node, "href"));

      if (href)
        {
          g_string_append (w->html, " href=\"");
          escape (w->html, href, TRUE);
          g_string_append_c (w->html, '"');
        }
    }
  g_string_append_c (w->html, '>');
  if (holds_text (ni->tag))
    w->text_depth++;
}

static void
leave (Writer *w, xmlNodePtr node)
{
  NodeInfo *ni = INFO (node);
  const char *as = written_as (ni->tag);

  if (clip_page_tag_kind (ni->tag) & K_BLOCK)
    close_implicit (w);
  if (as == NULL || ni->tag == T_BR)
    return;
  if (holds_text (ni->tag))
    w->text_depth--;
  g_string_append (w->html, "</");
  g_string_append (w->html, as);
  g_string_append (w->html, (clip_page_tag_kind (ni->tag) & K_BLOCK) ? ">\n" : ">");
}

static void
visit (Writer *w, xmlNodePtr node)
{
  if (node->type == XML_ELEMENT_NODE)
    enter (w, node);
  else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    write_text (w, (const char *) node->content);
}

static gboolean
kept (Writer *w, xmlNodePtr node)
{
  if (node->type == XML_ELEMENT_NODE)
    return !skip_element (w, node);
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

static xmlNodePtr
kept_from (Writer *w, xmlNodePtr node)
{
  while (node && !kept (w, node))
    node = node->next;
  return node;
}

/* Writes root and what it holds, walking without recursion: each element
 * entered is left once, after its children. */
static void
write_tree (Writer *w, xmlNodePtr root)
{
  xmlNodePtr node = root;

  enter (w, root);
  for (;;)
    {
      xmlNodePtr child = NULL;

      if (node->type == XML_ELEMENT_NODE && INFO (node)->tag != T_IMG)
        child = kept_from (w, node->children);
      if (child)
        {
          node = child;
          visit (w, node);
          continue;
        }
      for (;;)
        {
          xmlNodePtr next;

          if (node->type == XML_ELEMENT_NODE)
            leave (w, node);
          if (node == root)
            return;
          if ((next = kept_from (w, node->next)) != NULL)
            {
              node = next;
              visit (w, node);
              break;
            }
          node = node->parent;
        }
    }
}

/* JSON-LD's articleBody, when the page's own markup gave much less: its
 * lines as paragraphs. */
static void
write_ld_body (Writer *w, const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", 0);

  g_string_truncate (w->html, 0);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      g_string_append (w->html, "<p>");
      escape (w->html, lines[i], FALSE);
      g_string_append (w->html, "</p>\n");
    }
}

void
clip_page_write_body (PageDoc *pd)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(ClipSanitizer) sanitizer = clip_sanitizer_new ();
  Writer w = { pd, html, 0, NULL, 0, FALSE };
  xmlNodePtr top = pd->top;

  if (top == NULL)
    return;
  if (pd->page->title)
    {
      g_autoptr(GString) t = g_string_new (NULL);
      xmlNodePtr text = xmlNewText (BAD_CAST pd->page->title);
      guint32 commas;

      clip_page_node_text (text, t, 4096);
      clip_page_count_text (text->content, &w.title_chars, &commas);
      xmlFreeNode (text);
      w.title = g_string_free (g_steal_pointer (&t), FALSE);
    }
  /* the chosen subtrees, in the page's order */
  for (xmlNodePtr n = pd->body; n; )
    {
      gboolean chosen = n->type == XML_ELEMENT_NODE && (INFO (n)->flags & NI_CHOSEN);

      if (chosen)
        write_tree (&w, n);
      n = clip_page_next (n, pd->body, chosen);
    }
  close_implicit (&w);
  g_free (w.title);
  clip_sanitizer_run (sanitizer, html->str, html->len, pd->base_url, &pd->page->html, &pd->page->text);
  if (pd->ld_body && g_utf8_strlen (pd->ld_body, -1) > 300 &&
      g_utf8_strlen (pd->page->text, -1) * 2 < g_utf8_strlen (pd->ld_body, -1))
    {
      /* the page's markup holds a teaser or is built by scripts */
      write_ld_body (&w, pd->ld_body);
      g_clear_pointer (&pd->page->html, g_free);
      g_clear_pointer (&pd->page->text, g_free);
      clip_sanitizer_run (sanitizer, html->str, html->len, pd->base_url, &pd->page->html,
                          &pd->page->text);
    }
}
