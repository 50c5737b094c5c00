/* clip-test-desk.c — an analyst's archive in three languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clip-archive.h"
#include "clip-store-sql.h"
#include "clip-test-desk.h"
#include "clip-test-ui.h"
#include "clip-window-private.h"

typedef struct {
  const char *name;
  const char *url;
  const char *titles[CLIP_TEST_DESK_PER_OUTLET];
} DeskOutlet;

static const DeskOutlet outlets[CLIP_TEST_DESK_OUTLETS] = {
  { "Rustavi 2", "https://rustavi2.ge/en/rss", {
    "Kremlin accused of interference in Georgia's municipal elections, observers say",
    "Parliament debates the foreign agents law as protesters gather outside in Tbilisi",
    "Tbilisi metro extends its Saburtalo line towards the university campus",
    "Georgian wine exports rise by a tenth as Kakheti growers report a record harvest",
    "NATO Secretary General meets Georgian defence minister to discuss membership",
    "Batumi port handles record cargo volumes in the third quarter of the year",
    "Heavy snow closes the Gudauri road to the Russian border for a second day",
    "National Bank keeps its key rate at eight per cent as inflation slows down",
  } },
  { "Civil Georgia", "https://civil.ge/feed", {
    "Opposition parties sign a joint statement on the European Union candidate status",
    "Election observers publish an interim report on the campaign in Adjara and Imereti",
    "Moscow's hybrid war against Georgia, explained by three former diplomats",
    "Constitutional Court hears the appeal against the amended Electoral Code",
    "Tbilisi City Hall presents a new plan for buses on Rustaveli Avenue",
    "Human rights defender criticises police conduct at Sunday's rally in Tbilisi",
    "Georgia and Armenia agree to open a second border crossing near Sadakhlo",
    "Civil society groups call for an inquiry into surveillance of journalists",
  } },
  { "BBC News", "https://feeds.bbci.co.uk/news/world/rss.xml", {
    "Georgia protests: thousands march in Tbilisi against the 'Russian law'",
    "EU leaders weigh enlargement as Ukraine, Moldova and Georgia wait for an answer",
    "Black Sea shipping insurers raise premiums after a tanker is hit off Odesa",
    "Caucasus wildfires force hundreds to leave villages in the Borjomi valley",
    "How a small Georgian town became a hub for Russian programmers",
    "Armenia and Azerbaijan say a peace treaty is within reach after Brussels talks",
    "The ancient grape varieties that could save Europe's vineyards from drought",
    "Chess Olympiad: Georgian women's team takes silver behind Kazakhstan",
  } },
  { "Interpressnews", "https://www.interpressnews.ge/ka/rss", {
    "რუსეთის ჩარევა არჩევნებში: ოპოზიცია საერთაშორისო დამკვირვებლებს ითხოვს",
    "საქართველოს პარლამენტმა უცხოური გავლენის შესახებ კანონპროექტი განიხილა",
    "თბილისში მეტროს ახალი სადგური საზეიმოდ გაიხსნა",
    "ბათუმის პორტმა ტვირთბრუნვის ახალი რეკორდი დაამყარა",
    "ნატოს გენერალური მდივანი საქართველოს თავდაცვის მინისტრს შეხვდა",
    "კახეთში რთველი დასრულდა: ყურძნის მოსავალი გაიზარდა",
    "ეროვნულმა ბანკმა რეფინანსირების განაკვეთი უცვლელი დატოვა",
    "გუდაურის გზა თოვლის გამო დროებით ჩაიკეტა",
  } },
  { "ТАСС", "https://tass.ru/rss/v2.xml", {
    "Кремль отверг обвинения во вмешательстве в выборы в Грузии",
    "В Тбилиси прошла многотысячная акция протеста против закона об иноагентах",
    "Грузия и Евросоюз обсудили условия предоставления статуса кандидата",
    "Курс лари укрепился на фоне роста туристического потока",
    "Армения и Азербайджан продолжат переговоры о мирном договоре",
    "В Батуми открылся новый морской пассажирский терминал",
    "Верхний Ларс закрыт для всех видов транспорта из-за снегопада",
    "Грузинские виноделы ожидают рекордного урожая в Кахетии",
  } },
  { "Meduza", "https://meduza.io/rss/all", {
    "Как российские программисты обживаются в Тбилиси: репортаж из коворкингов",
    "Власти Грузии приняли закон об иноагентах во втором чтении",
    "Почему грузинская оппозиция не смогла объединиться перед выборами",
    "Евросоюз предупредил Тбилиси о последствиях нового закона",
    "Тысячи людей вышли на проспект Руставели третью ночь подряд",
    "Что известно о задержаниях журналистов на акциях в Тбилиси",
    "Российский турист в Батуми: цены, очереди и обменники",
    "Новый маршрут из Москвы в Тбилиси через Ереван: как это работает",
  } },
};

/* Sentences that vary by outlet, by article and by both, so that no two
 * bodies share most of their text: the stories module rightly calls
 * near-identical bodies copies, which is not what a real day looks like. */
static const char *by_outlet[CLIP_TEST_DESK_OUTLETS] = {
  "Our correspondent spoke to officials shortly before the evening news.",
  "This report was prepared with the help of local journalists in the regions.",
  "Our Caucasus correspondent adds that the mood in the capital remains tense.",
  "Interpressnews reporters asked the ministry for a comment on Monday morning.",
  "A source close to the ministry confirmed the figures to the agency.",
  "Meduza's reporter talked to residents, shop owners and two city officials.",
};

static const char *by_item[CLIP_TEST_DESK_PER_OUTLET] = {
  "The prime minister's office promised a detailed answer within a week.",
  "Lawmakers from both camps traded accusations during a long night session.",
  "Engineers expect the first trains to run before the end of next spring.",
  "Exporters say new markets in Asia made up for a weaker year in the region.",
  "Diplomats described the talks as frank and said another round is planned.",
  "Port managers credit a new container terminal opened in the summer.",
  "Drivers were told to use the road through Kazbegi only with snow chains.",
  "Economists had expected the bank to cut its rate by a quarter of a point.",
};

static const struct { const char *before, *after; } by_both[] = {
  { "Figures from the statistics office put the change at ", " per cent." },
  { "About ", " people attended, according to the organisers' own count." },
  { "The decision is due to be reviewed in ", " days, officials said." },
  { "Local media counted ", " similar cases since the start of the year." },
  { "The ministry published ", " pages of documents on its website." },
  { "Police said ", " officers were on duty in the city centre overnight." },
  { "A poll of ", " residents found opinion almost evenly split." },
};

static char *
body_for (const char *title, guint outlet, guint i)
{
  guint k = (outlet * 3 + i) % G_N_ELEMENTS (by_both);
  g_autofree char *figure = g_strdup_printf ("%s%u%s", by_both[k].before, 7 + outlet * 11 + i * 13,
                                             by_both[k].after);

  /* English paragraphs: what an analyst reads, with the rules' words in
   * the articles about them. */
  return g_strdup_printf ("%s.\n\n%s %s\n\n%s %s",
                          title, by_item[i], figure, by_outlet[outlet],
                          i == 0 ? "Several observers warned of Russian interference in the "
                                   "campaign, pointing to coordinated accounts that spread "
                                   "false claims about the candidates."
                                 : "Analysts expect the question to come up again in "
                                   "parliament before the end of the session.");
}

static void
ingest_outlet (ClipStore *store,
               guint      outlet,
               gint64     now)
{
  g_autoptr(ClipOutlet) o = clip_outlet_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) clip_article_free);
  g_autoptr(GError) error = NULL;
  ClipIngestResult result;

  o->url = g_strdup (outlets[outlet].url);
  o->name = g_strdup (outlets[outlet].name);
  o->id = clip_store_add_outlet (store, o, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < CLIP_TEST_DESK_PER_OUTLET; i++)
    {
      ClipArticle *a = clip_article_new ();

      a->guid = g_strdup_printf ("desk-%u-%u", outlet, i);
      a->url = g_strdup_printf ("%s/%u", outlets[outlet].url, i);
      a->title = g_strdup (outlets[outlet].titles[i]);
      a->summary_text = body_for (a->title, outlet, i);
      /* Interleaved across outlets, every 37 minutes back from now. */
      a->published = now - (gint64) (i * CLIP_TEST_DESK_OUTLETS + outlet) * 37 * 60 - 300;
      g_ptr_array_add (batch, a);
    }
  clip_ingest_result_init (&result);
  g_assert_true (clip_store_ingest (store, o->id, batch, &result, &error));
  g_assert_no_error (error);
  clip_ingest_result_clear (&result);
}

char *
clip_test_desk_archive (void)
{
  char *dir = clip_test_ui_data_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClipStore) store = clip_archive_open (dir, CLIP_STORE_OPEN_DEFAULT, &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  for (guint i = 0; i < CLIP_TEST_DESK_OUTLETS; i++)
    ingest_outlet (store, i, now);
  return dir;
}

gint64
clip_test_desk_article (ClipStore  *store,
                        const char *title)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = clip_store_prepare (store, "SELECT id FROM articles WHERE title = ?1", &error);
  gint64 id;

  g_assert_no_error (error);
  clip_store_bind_text (stmt, 1, title);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gpointer
clip_test_desk_child (gpointer    widget,
                      GType       type,
                      const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

gboolean
clip_test_desk_loaded (gpointer window)
{
  ClipArticleList *list = clip_article_table_get_model (CLIP_WINDOW (window)->table);

  return list != NULL && !clip_article_list_is_loading (list);
}

static gboolean
shows_rows (gpointer window)
{
  return clip_test_desk_loaded (window) &&
         g_list_model_get_n_items (G_LIST_MODEL (clip_article_table_get_model (CLIP_WINDOW (window)->table))) > 0;
}

ClipWindow *
clip_test_desk_window (int width)
{
  ClipWindow *window = clip_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (clip_test_ui_wait (shows_rows, window));
  /* Mapped and laid out, whichever came first. */
  clip_test_ui_wait_frame (GTK_WIDGET (window));
  return window;
}

typedef struct {
  ClipWindow *window;
  const char *text;
} SearchWait;

static gboolean
searched (gpointer data)
{
  SearchWait *w = data;

  return g_strcmp0 (w->window->search, w->text) == 0 && w->window->search_timeout == 0 &&
         clip_test_desk_loaded (w->window);
}

void
clip_test_desk_search (ClipWindow *window,
                       const char *text)
{
  SearchWait w = { window, text };

  gtk_search_bar_set_search_mode (window->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  g_assert_true (clip_test_ui_wait (searched, &w));
}

void
clip_test_desk_style (void)
{
  static GtkCssProvider *css;

  if (css != NULL)
    return;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/clippings/Clippings/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
