/* clip-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "clip-corpus.h"

#include <string.h>

static const char * const words_en[] = {
  "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as",
  "was", "by", "at", "from", "has", "have", "said", "will", "its", "are", "be",
  "this", "but", "not", "it", "an", "they", "were", "which", "their", "after",
  "government", "minister", "president", "parliament", "election", "elections",
  "opposition", "party", "Georgia", "Georgian", "Tbilisi", "Batumi", "Kutaisi",
  "Russia", "Russian", "Kremlin", "Moscow", "NATO", "EU", "European", "Union",
  "integration", "membership", "sanctions", "interference", "meddling",
  "hybrid", "war", "destabilisation", "protest", "protesters", "rally",
  "police", "court", "law", "foreign", "agents", "media", "journalist",
  "television", "statement", "security", "border", "occupation", "Abkhazia",
  "Tskhinvali", "economy", "budget", "lari", "dollar", "bank", "investment",
  "project", "road", "school", "university", "students", "doctor", "hospital",
  "health", "education", "culture", "sport", "football", "rugby", "weather",
  "winter", "summer", "today", "yesterday", "week", "month", "year", "day",
  "new", "major", "main", "many", "other", "first", "second", "three", "two",
  "people", "citizens", "country", "region", "city", "village", "officials",
  "according", "reported", "announced", "meeting", "talks", "visit", "support",
  "partners", "partner", "Ukraine", "Kyiv", "Washington", "Brussels", "Bucharest",
  "Secretary", "General", "ministers", "Dream", "National", "Movement",
  "ballet", "radio", "concert", "festival", "wine", "tourism", "airport",
  "energy", "gas", "pipeline", "railway", "port", "Anaklia", "trade", "exports",
  "inflation", "prices", "salary", "pension", "reform", "constitution", "vote",
  "voters", "turnout", "campaign", "candidate", "mayor", "council", "decision",
  "investigation", "arrested", "detained", "released", "charged", "trial",
  "Interference", "disinformation", "propaganda", "influence", "campaigns",
  NULL
};

static const char * const words_ru[] = {
  "и", "в", "на", "что", "не", "это", "с", "по", "как", "но", "или", "если",
  "должен", "может", "новый", "большой", "главный", "все", "много", "другой",
  "один", "два", "три", "неделя", "месяц", "год", "день", "час", "сегодня",
  "Россия", "России", "Россией", "Кремль", "Кремля", "Москва", "Москвы",
  "Грузия", "Грузии", "Тбилиси", "правительство", "президент", "парламент",
  "выборы", "выборов", "протест", "протесты", "оппозиция", "министр",
  "заявление", "страна", "народ", "закон", "суд", "полиция", "акция",
  "граждане", "экономика", "война", "мир", "безопасность", "вмешательство",
  "вмешательства", "гибридная", "демократия", "свобода", "СМИ", "журналист",
  "телевидение", "информация", "партия", "движение", "граница", "оккупация",
  "Абхазия", "регион", "бюджет", "рубль", "доллар", "банк", "инвестиции",
  "проект", "дорога", "школа", "университет", "студенты", "врач", "больница",
  "образование", "культура", "спорт", "футбол", "погода", "зима", "лето",
  "НАТО", "ЕС", "интеграция", "санкции", "дестабилизация", "заявил",
  "сообщил", "власти", "агентов", "иностранных", "митинг", "переговоры",
  "визит", "поддержка", "партнёры", "Украина", "Киев", "Вашингтон", "Брюссель",
  NULL
};

static const char * const words_ka[] = {
  "და", "რომ", "არის", "იყო", "ეს", "ის", "მაგრამ", "ან", "თუ", "როგორც",
  "უნდა", "შეიძლება", "ახალი", "დიდი", "მთავარი", "ყველა", "ბევრი", "სხვა",
  "ერთი", "ორი", "სამი", "კვირა", "თვე", "წელი", "დღე", "საათი", "დღეს",
  "საქართველო", "საქართველოს", "თბილისი", "თბილისში", "მთავრობა", "პრეზიდენტი",
  "პარლამენტი", "არჩევნები", "არჩევნებზე", "რუსეთი", "რუსეთის", "რუსეთმა",
  "კრემლი", "კრემლის", "მოსკოვი", "ნატო", "ევროკავშირი", "ინტეგრაცია",
  "პროტესტი", "აქცია", "ოპოზიცია", "მინისტრი", "განცხადება", "ქვეყანა",
  "ხალხი", "კანონი", "სასამართლო", "პოლიცია", "მოქალაქეები", "ეკონომიკა",
  "ომი", "მშვიდობა", "უსაფრთხოება", "ჩარევა", "ჩარევის", "ჰიბრიდული",
  "დემოკრატია", "თავისუფლება", "მედია", "ჟურნალისტი", "ტელევიზია",
  "ინფორმაცია", "პარტია", "ოცნება", "ნაციონალური", "მოძრაობა", "საზღვარი",
  "ოკუპაცია", "აფხაზეთი", "ცხინვალი", "ბათუმი", "ქუთაისი", "რეგიონი",
  "ბიუჯეტი", "ლარი", "დოლარი", "ბანკი", "ინვესტიცია", "პროექტი", "გზა",
  "სკოლა", "უნივერსიტეტი", "სტუდენტები", "ექიმი", "საავადმყოფო", "განათლება",
  "კულტურა", "სპორტი", "ფეხბურთი", "რაგბი", "ამინდი", "ზამთარი", "ზაფხული",
  "აგენტების", "უცხოური", "გავლენის", "სანქციები", "დესტაბილიზაცია",
  NULL
};

typedef struct {
  const char *code;
  const char * const *words;
  guint n_words;
  const char * const *authors;
} Language;

static const char * const authors_en[] = { "Mariam Tsiklauri", "John Harris", "Civil.ge", "Nino Kapanadze", "Reuters", NULL };
static const char * const authors_ru[] = { "Анна Петрова", "Иван Смирнов", "ТАСС", "Давид Чхеидзе", NULL };
static const char * const authors_ka[] = { "ნინო ბერიძე", "გიორგი მაისურაძე", "ინტერპრესნიუსი", "თამარ ლომიძე", NULL };

struct _ClipCorpus {
  guint64  seed;
  Language langs[3];
};

typedef struct {
  guint64 s;
} Rng;

/* splitmix64: tiny, fast and the same on every machine. */
static guint64
rng_next (Rng *r)
{
  guint64 z = (r->s += 0x9E3779B97F4A7C15ULL);

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static guint
rng_below (Rng *r, guint n)
{
  return (guint) (rng_next (r) % n);
}

/* Skewed towards the start of the list, where the common words are. */
static const char *
pick_word (Rng *r, const Language *lang)
{
  double u = (double) (rng_next (r) >> 11) / (double) (1ULL << 53);

  return lang->words[(guint) (u * u * lang->n_words) % lang->n_words];
}

static guint
count (const char * const *v)
{
  guint n = 0;

  while (v[n])
    n++;
  return n;
}

ClipCorpus *
clip_corpus_new (guint64 seed)
{
  ClipCorpus *c = g_new0 (ClipCorpus, 1);

  c->seed = seed;
  c->langs[0] = (Language) { "en", words_en, count (words_en), authors_en };
  c->langs[1] = (Language) { "ru", words_ru, count (words_ru), authors_ru };
  c->langs[2] = (Language) { "ka", words_ka, count (words_ka), authors_ka };
  return c;
}

void
clip_corpus_free (ClipCorpus *corpus)
{
  g_free (corpus);
}

const char * const *
clip_corpus_words (ClipCorpus *corpus,
                   const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus->langs); i++)
    if (g_strcmp0 (corpus->langs[i].code, lang) == 0)
      return corpus->langs[i].words;
  return NULL;
}

static void
append_sentence (GString *s, Rng *r, const Language *lang, guint n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      const char *w = pick_word (r, lang);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (i == 0 && lang->words == words_en)
        {
          g_string_append_c (s, g_ascii_toupper (w[0]));
          g_string_append (s, w + 1);
        }
      else
        g_string_append (s, w);
      if (i + 1 < n_words && rng_below (r, 12) == 0)
        g_string_append_c (s, ',');
    }
  g_string_append (s, rng_below (r, 10) == 0 ? "?" : ".");
}

/* Paragraphs of HTML (with the odd link and emphasis) and the same text
 * plain, until the HTML reaches target bytes. */
static void
make_body (Rng *r, const Language *lang, gsize target, GString *html, GString *text)
{
  while (html->len < target)
    {
      GString *para = g_string_new (NULL);
      guint sentences = 2 + rng_below (r, 4);

      for (guint i = 0; i < sentences; i++)
        {
          if (i > 0)
            g_string_append_c (para, ' ');
          append_sentence (para, r, lang, 8 + rng_below (r, 14));
        }
      g_string_append (html, "<p>");
      switch (rng_below (r, 6))
        {
        case 0:
          g_string_append_printf (html, "<a href=\"https://example.org/ref/%u\">%s</a>",
                                  rng_below (r, 100000), para->str);
          break;
        case 1:
          g_string_append_printf (html, "<strong>%s</strong>", para->str);
          break;
        default:
          g_string_append (html, para->str);
        }
      g_string_append (html, "</p>\n");
      if (text->len)
        g_string_append (text, "\n\n");
      g_string_append (text, para->str);
      g_string_free (para, TRUE);
    }
}

ClipArticle *
clip_corpus_article (ClipCorpus *corpus,
                     guint64     index)
{
  Rng r = { corpus->seed * 0x100000001B3ULL ^ (index * 0x9E3779B97F4A7C15ULL) };
  ClipArticle *a = clip_article_new ();
  const Language *lang;
  GString *title = g_string_new (NULL);
  GString *html = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  guint pick;

  rng_next (&r);
  pick = rng_below (&r, 4);
  lang = &corpus->langs[pick < 2 ? 0 : pick - 1];   /* en 50%, ru 25%, ka 25% */
  append_sentence (title, &r, lang, 6 + rng_below (&r, 9));
  g_string_truncate (title, title->len - 1);           /* no full stop */
  make_body (&r, lang, 1024 + rng_below (&r, 2048), html, text);

  a->guid = g_strdup_printf ("corpus-%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, corpus->seed, index);
  a->url = g_strdup_printf ("https://outlet%u.example/%s/news/%" G_GUINT64_FORMAT,
                            (guint) (index % 50), lang->code, index);
  a->title = g_string_free (title, FALSE);
  a->author = g_strdup (lang->authors[rng_below (&r, count (lang->authors))]);
  a->summary_html = g_string_free (html, FALSE);
  a->summary_text = g_string_free (text, FALSE);
  a->lang = g_strdup (lang->code);
  /* One article a minute, back from 1 December 2024. */
  a->published = 1733011200 - (gint64) index * 60;
  return a;
}

static void
append_escaped (GString *s, const char *text)
{
  g_autofree char *esc = g_markup_escape_text (text, -1);

  g_string_append (s, esc);
}

char *
clip_corpus_feed_xml (ClipCorpus *corpus,
                      guint       feed_index,
                      guint       n_items,
                      gsize      *len)
{
  GString *s = g_string_sized_new (n_items * 3000);

  g_string_append_printf (s,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "<channel>\n<title>Outlet %u</title>\n<link>https://outlet%u.example/</link>\n"
      "<description>News from outlet %u</description>\n<language>en</language>\n",
      feed_index, feed_index, feed_index);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ClipArticle) a = clip_corpus_article (corpus, (guint64) feed_index * n_items + i);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (a->published);
      g_autofree char *date = g_date_time_format (dt, "%a, %d %b %Y %H:%M:%S +0000");

      g_string_append (s, "<item>\n<title>");
      append_escaped (s, a->title);
      g_string_append (s, "</title>\n<link>");
      append_escaped (s, a->url);
      g_string_append (s, "</link>\n<guid isPermaLink=\"false\">");
      append_escaped (s, a->guid);
      g_string_append_printf (s, "</guid>\n<pubDate>%s</pubDate>\n<dc:creator>", date);
      append_escaped (s, a->author);
      g_string_append_printf (s, "</dc:creator>\n<category>%s</category>\n<description>", a->lang);
      append_escaped (s, a->summary_html);
      g_string_append (s, "</description>\n</item>\n");
    }
  g_string_append (s, "</channel>\n</rss>\n");
  if (len)
    *len = s->len;
  return g_string_free (s, FALSE);
}
