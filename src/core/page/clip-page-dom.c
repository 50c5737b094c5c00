/* clip-page-dom.c — the parsed page indexed: what each element is, how much
 * text and link text it holds, which parts are never article text
 *
 * One walk in document order, with no recursion (a page may nest 100,000
 * elements deep), gives every element a NodeInfo through libxml2's
 * _private pointer; counts are summed into parents as the walk climbs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "clip-page-private.h"
#include "clip-html-sanitize.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *name;
  Tag         tag;
  guint       kind;
} TagRule;

/* Sorted by name, for bsearch. */
static const TagRule tag_rules[] = {
  { "a", T_A, K_INLINE },
  { "abbr", T_ABBR, K_INLINE },
  { "address", T_ADDRESS, K_BLOCK },
  { "article", T_ARTICLE, K_BLOCK },
  { "aside", T_ASIDE, K_BLOCK },
  { "audio", T_AUDIO, K_SKIP },
  { "b", T_B, K_INLINE },
  { "blockquote", T_BLOCKQUOTE, K_BLOCK | K_PARA },
  { "body", T_BODY, K_BLOCK },
  { "br", T_BR, K_BLOCK },
  { "button", T_BUTTON, K_SKIP },
  { "canvas", T_CANVAS, K_SKIP },
  { "caption", T_CAPTION, K_BLOCK },
  { "center", T_CENTER, K_BLOCK },
  { "cite", T_CITE, K_INLINE },
  { "code", T_CODE, K_INLINE },
  { "dd", T_DD, K_BLOCK },
  { "del", T_DEL, K_INLINE },
  { "details", T_DETAILS, K_BLOCK },
  { "dialog", T_DIALOG, K_SKIP },
  { "div", T_DIV, K_BLOCK },
  { "dl", T_DL, K_BLOCK },
  { "dt", T_DT, K_BLOCK },
  { "em", T_EM, K_INLINE },
  { "embed", T_EMBED, K_SKIP },
  { "fieldset", T_FIELDSET, K_BLOCK },
  { "figcaption", T_FIGCAPTION, K_BLOCK },
  { "figure", T_FIGURE, K_BLOCK },
  { "footer", T_FOOTER, K_BLOCK },
  { "form", T_FORM, K_BLOCK },
  { "h1", T_H1, K_BLOCK | K_HEAD },
  { "h2", T_H2, K_BLOCK | K_HEAD },
  { "h3", T_H3, K_BLOCK | K_HEAD },
  { "h4", T_H4, K_BLOCK | K_HEAD },
  { "h5", T_H5, K_BLOCK | K_HEAD },
  { "h6", T_H6, K_BLOCK | K_HEAD },
  { "head", T_HEAD, K_SKIP },
  { "header", T_HEADER, K_BLOCK },
  { "hr", T_HR, K_BLOCK },
  { "html", T_HTML, K_BLOCK },
  { "i", T_I, K_INLINE },
  { "iframe", T_IFRAME, K_SKIP },
  { "img", T_IMG, 0 },
  { "input", T_INPUT, K_SKIP },
  { "ins", T_INS, K_INLINE },
  { "label", T_LABEL, K_SKIP },
  { "li", T_LI, K_BLOCK },
  { "link", T_LINK, K_SKIP },
  { "main", T_MAIN, K_BLOCK },
  { "map", T_MAP, K_SKIP },
  { "mark", T_MARK, K_INLINE },
  { "math", T_MATH, K_SKIP },
  { "menu", T_MENU, K_BLOCK },
  { "meta", T_META, K_SKIP },
  { "nav", T_NAV, K_BLOCK },
  { "noscript", T_NOSCRIPT, K_SKIP },
  { "object", T_OBJECT, K_SKIP },
  { "ol", T_OL, K_BLOCK },
  { "option", T_OPTION, K_SKIP },
  { "p", T_P, K_BLOCK | K_PARA },
  { "picture", T_PICTURE, 0 },
  { "pre", T_PRE, K_BLOCK | K_PARA },
  { "q", T_Q, K_INLINE },
  { "s", T_S, K_INLINE },
  { "script", T_SCRIPT, K_SKIP },
  { "section", T_SECTION, K_BLOCK },
  { "select", T_SELECT, K_SKIP },
  { "small", T_SMALL, K_INLINE },
  { "source", T_SOURCE, K_SKIP },
  { "span", T_SPAN, 0 },
  { "strong", T_STRONG, K_INLINE },
  { "style", T_STYLE, K_SKIP },
  { "sub", T_SUB, K_INLINE },
  { "summary", T_SUMMARY, K_BLOCK },
  { "sup", T_SUP, K_INLINE },
  { "svg", T_SVG, K_SKIP },
  { "table", T_TABLE, K_BLOCK },
  { "tbody", T_TBODY, K_BLOCK },
  { "td", T_TD, K_BLOCK | K_PARA },
  { "template", T_TEMPLATE, K_SKIP },
  { "textarea", T_TEXTAREA, K_SKIP },
  { "tfoot", T_TFOOT, K_BLOCK },
  { "th", T_TH, K_BLOCK },
  { "thead", T_THEAD, K_BLOCK },
  { "time", T_TIME, 0 },
  { "title", T_TITLE, K_SKIP },
  { "tr", T_TR, K_BLOCK },
  { "u", T_U, K_INLINE },
  { "ul", T_UL, K_BLOCK },
  { "video", T_VIDEO, K_SKIP },
};

static guint tag_kinds[N_TAGS];

static int
compare_tag (const void *key, const void *elem)
{
  return strcmp (key, ((const TagRule *) elem)->name);
}

Tag
clip_page_tag (const xmlChar *name)
{
  const TagRule *r;

  if (name == NULL)
    return T_OTHER;
  r = bsearch (name, tag_rules, G_N_ELEMENTS (tag_rules), sizeof tag_rules[0], compare_tag);
  return r ? r->tag : T_OTHER;
}

guint
clip_page_tag_kind (Tag tag)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (tag_rules); i++)
        tag_kinds[tag_rules[i].tag] = tag_rules[i].kind;
      g_once_init_leave (&once, 1);
    }
  return tag < N_TAGS ? tag_kinds[tag] : 0;
}

const char *
clip_page_attr (xmlNodePtr node, const char *name)
{
  for (xmlAttrPtr a = node->properties; a; a = a->next)
    if (g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      return a->children && a->children->type == XML_TEXT_NODE
             ? (const char *) a->children->content : "";
  return NULL;
}

xmlNodePtr
clip_page_next (xmlNodePtr node, xmlNodePtr top, gboolean skip_children)
{
  if (!skip_children && node->children && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node && node != top)
    {
      if (node->next)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

/* Class and id words, readability's lists widened a little: a block with
 * these is boilerplate unless it also says it is the article. */
static const char * const negative_words[] = {
  "-ad-", "ad-break", "advert", "agegate", "banner", "breadcrumb", "byline",
  "caption", "combx", "comment", "community", "cookie", "disqus", "footer",
  "footnote", "gdpr", "hidden", "masthead", "menu", "meta", "modal",
  "newsletter", "outbrain", "pagination", "pager", "popup", "promo", "recirc",
  "recommend", "related", "remark", "replies", "rss", "share", "sharing",
  "shoutbox", "sidebar", "signup", "skyscraper", "social", "sponsor",
  "subscri", "taboola", "tags", "toolbar", "tools", "trending", "widget",
  "most-popular", "mostpopular", "more-stories", "read-more", "readmore",
  "author-bio", "login", "nav", "print", "follow", "teaser",
};
static const char * const positive_words[] = {
  "article", "body", "content", "entry", "h-entry", "hentry", "main", "post",
  "story", "text", "blog",
};
/* Strong enough to keep a block whatever else its class says. */
static const char * const body_words[] = {
  "article-body", "articlebody", "article__body", "article-content",
  "article__content", "articlecontent", "story-body", "storybody",
  "story-content", "entry-content", "post-content", "post-body", "postbody",
  "article-text", "articletext", "story-text", "body-text", "post-text",
  "entry-body", "news-text", "news-body", "article_body", "content-body",
  "main-content",
};

static gboolean
has_word (const char *hay, const char * const *words, guint n)
{
  for (guint i = 0; i < n; i++)
    if (strstr (hay, words[i]))
      return TRUE;
  return FALSE;
}

static void
class_hints (xmlNodePtr node, NodeInfo *ni)
{
  const char *cls = clip_page_attr (node, "class");
  const char *id = clip_page_attr (node, "id");
  const char *prop = clip_page_attr (node, "itemprop");
  char buf[256];
  gsize n = 0;

  if (prop && (g_ascii_strcasecmp (prop, "articleBody") == 0 ||
               g_ascii_strcasecmp (prop, "text") == 0))
    ni->flags |= NI_BODYPROP | NI_POSITIVE;
  if ((cls == NULL || !*cls) && (id == NULL || !*id))
    return;
  for (const char *s = cls ? cls : ""; *s && n < sizeof buf - 2; s++)
    buf[n++] = g_ascii_tolower (*s);
  buf[n++] = ' ';
  for (const char *s = id ? id : ""; *s && n < sizeof buf - 1; s++)
    buf[n++] = g_ascii_tolower (*s);
  buf[n] = '\0';
  if (has_word (buf, body_words, G_N_ELEMENTS (body_words)))
    {
      ni->flags |= NI_POSITIVE | NI_BODYPROP;
      return;
    }
  if (has_word (buf, negative_words, G_N_ELEMENTS (negative_words)))
    ni->flags |= NI_NEGATIVE;
  if (has_word (buf, positive_words, G_N_ELEMENTS (positive_words)))
    ni->flags |= NI_POSITIVE;
}

static gboolean
is_hidden (xmlNodePtr node)
{
  const char *style = clip_page_attr (node, "style");
  const char *aria = clip_page_attr (node, "aria-hidden");

  if (clip_page_attr (node, "hidden"))
    return TRUE;
  if (aria && strcmp (aria, "true") == 0)
    return TRUE;
  if (style)
    {
      char buf[128];
      gsize n = 0;

      for (const char *s = style; *s && n < sizeof buf - 1; s++)
        if (!g_ascii_isspace (*s))
          buf[n++] = g_ascii_tolower (*s);
      buf[n] = '\0';
      return strstr (buf, "display:none") || strstr (buf, "visibility:hidden");
    }
  return FALSE;
}

static gboolean
is_chrome_role (xmlNodePtr node)
{
  const char *role = clip_page_attr (node, "role");

  return role && (strcmp (role, "navigation") == 0 || strcmp (role, "banner") == 0 ||
                  strcmp (role, "contentinfo") == 0 || strcmp (role, "complementary") == 0 ||
                  strcmp (role, "search") == 0 || strcmp (role, "dialog") == 0 ||
                  strcmp (role, "menu") == 0 || strcmp (role, "menubar") == 0 ||
                  strcmp (role, "alert") == 0);
}

/* Characters (not bytes, not spaces) and commas in a text node. */
void
clip_page_count_text (const xmlChar *s, guint32 *chars, guint32 *commas)
{
  guint32 c = 0, k = 0;

  for (; *s; s++)
    {
      guchar b = *s;

      if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || (b & 0xC0) == 0x80)
        continue;
      c++;
      if (b == ',')
        k++;
      else if (b == 0xEF && s[1] == 0xBC && s[2] == 0x8C)   /* ， */
        k++;
      else if (b == 0xD8 && s[1] == 0x8C)                   /* ، */
        k++;
    }
  *chars = c;
  *commas = k;
}

static void
index_enter (PageDoc *pd, xmlNodePtr node, NodeInfo *ni, guint depth)
{
  Tag tag = clip_page_tag (node->name);
  guint kind = clip_page_tag_kind (tag);

  memset (ni, 0, sizeof *ni);
  node->_private = ni;
  ni->tag = tag;
  ni->depth = MIN (depth, G_MAXUINT16);
  if (kind & K_SKIP)
    ni->flags |= NI_SKIP;
  else
    {
      if (node->properties)
        {
          class_hints (node, ni);
          if (is_hidden (node))
            ni->flags |= NI_SKIP;
          if (is_chrome_role (node))
            ni->flags |= NI_CHROME;
        }
      if (tag == T_NAV || tag == T_ASIDE || tag == T_FOOTER || tag == T_MENU ||
          tag == T_FORM || tag == T_HEADER)
        ni->flags |= NI_CHROME;
    }
  /* a <br> does not make its parent a container (Readability's list) */
  if (node->parent && node->parent->_private && (kind & K_BLOCK) && tag != T_BR)
    INFO (node->parent)->flags |= NI_BLOCKS;
  (void) pd;
}

/* Adds a finished element's counts to its parent's. */
static void
index_leave (xmlNodePtr node)
{
  NodeInfo *ni = INFO (node), *pi;

  if (node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
    return;
  pi = INFO (node->parent);
  if (ni->flags & NI_SKIP)
    return;
  pi->text += ni->text;
  pi->link += ni->tag == T_A ? ni->text : ni->link;
  pi->commas += ni->commas;
  pi->paras += ni->paras + ((clip_page_tag_kind (ni->tag) & K_PARA) && ni->text >= 25);
}

static guint
count_elements (xmlNodePtr root)
{
  guint n = 0;

  for (xmlNodePtr node = root; node; node = clip_page_next (node, root, FALSE))
    n += node->type == XML_ELEMENT_NODE;
  return n;
}

static void
index_node (PageDoc *pd, xmlNodePtr node, guint *i, guint depth)
{
  if (node->type == XML_ELEMENT_NODE)
    {
      index_enter (pd, node, &pd->infos[(*i)++], depth);
      if (INFO (node)->tag == T_BODY && pd->body == NULL)
        pd->body = node;
    }
  else if (node->type == XML_TEXT_NODE && node->parent && node->parent->_private)
    {
      guint32 c, k;

      clip_page_count_text (node->content, &c, &k);
      INFO (node->parent)->text += c;
      INFO (node->parent)->commas += k;
    }
}

void
clip_page_dom_index (PageDoc *pd)
{
  xmlNodePtr root = xmlDocGetRootElement (pd->doc), node;
  guint i = 0, depth = 0;

  if (root == NULL)
    return;
  pd->n_infos = count_elements (root);
  pd->infos = g_new (NodeInfo, pd->n_infos);
  pd->html = root;
  node = root;
  index_node (pd, node, &i, depth);
  for (;;)
    {
      if (node->type == XML_ELEMENT_NODE && node->children)
        {
          node = node->children;
          index_node (pd, node, &i, ++depth);
          continue;
        }
      /* node is complete: close it, then each parent whose last child it was */
      for (;;)
        {
          if (node->type == XML_ELEMENT_NODE)
            index_leave (node);
          if (node == root)
            goto done;
          if (node->next)
            {
              node = node->next;
              index_node (pd, node, &i, depth);
              break;
            }
          node = node->parent;
          depth--;
        }
    }
done:
  if (pd->body == NULL)
    pd->body = root;
}

static void
append_collapsed (GString *out, const char *s, gsize max_len)
{
  gboolean space = FALSE;

  for (; *s; s++)
    {
      if (max_len && out->len >= max_len)
        return;
      if (g_ascii_isspace (*s))
        {
          space = out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n';
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      /* a no-break space is a space here */
      if ((guchar) s[0] == 0xC2 && (guchar) s[1] == 0xA0)
        {
          space = TRUE;
          s++;
          continue;
        }
      g_string_append_c (out, *s);
    }
  /* "Posted on <a>…": the space before the next node's text */
  if (space && out->len && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

void
clip_page_node_text (xmlNodePtr top, GString *out, gsize max_len)
{
  xmlNodePtr node = top->type == XML_ELEMENT_NODE ? top->children : top;

  if (top->type == XML_TEXT_NODE)
    {
      append_collapsed (out, (const char *) top->content, max_len);
      return;
    }
  while (node)
    {
      gboolean skip = FALSE;

      if (max_len && out->len >= max_len)
        return;
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        append_collapsed (out, (const char *) node->content, max_len);
      else if (node->type == XML_ELEMENT_NODE)
        {
          NodeInfo *ni = INFO (node);

          skip = ni && (ni->flags & NI_SKIP);
          if (!skip && ni && (clip_page_tag_kind (ni->tag) & K_BLOCK) && out->len &&
              out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        skip = TRUE;
      node = clip_page_next (node, top, skip);
    }
  while (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

guint64
clip_page_text_hash (const char *text, gsize len)
{
  guint64 h = 14695981039346656037ull;   /* FNV-1a */
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if (g_ascii_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space)
        {
          h = (h ^ ' ') * 1099511628211ull;
          space = FALSE;
        }
      h = (h ^ g_ascii_tolower (c)) * 1099511628211ull;
    }
  return h;
}

char *
clip_page_resolve (PageDoc *pd, const char *href)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;

  if (href == NULL || *href == '\0')
    return NULL;
  trimmed = g_strstrip (g_strdup (href));
  if (pd->base_url)
    base = g_uri_parse (pd->base_url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  uri = base ? g_uri_parse_relative (base, trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL)
             : g_uri_parse (trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  if (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
    return NULL;
  return g_uri_to_string (uri);
}

void
clip_page_problem (ClipPage *page, const char *kind, const char *format, ...)
{
  ClipPageProblem *p = g_new0 (ClipPageProblem, 1);
  va_list ap;

  va_start (ap, format);
  p->kind = g_strdup (kind);
  p->message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_ptr_array_add (page->problems, p);
}
