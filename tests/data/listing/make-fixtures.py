#!/usr/bin/env python3
# Writes the listing-page fixtures of tests/page/test-listing.c: NAME.html
# (and NAME-2.html, another page of the same site, where navigation is to
# be learned) and NAME.truth, the page's true article links, one a line.
# The layouts are modelled on real news sites' templates (WordPress and
# Drupal themes, a Rustavi-2-like home page with "MORE HEADLINES", sites in
# Georgian and Russian, pages with "most read" and "related" boxes, a paged
# archive). Run it from this folder; the output is committed.
# SPDX-License-Identifier: GPL-3.0-or-later
import html
import random

EN = [
    "Parliament adopts the budget for next year after a long debate",
    "Opposition parties announce a joint rally in the capital on Sunday",
    "Central bank keeps its key rate unchanged at eleven percent",
    "Wine exports grew by a fifth in the first nine months",
    "Court postpones the hearing in the case of the former mayor",
    "New highway section opens between Rikoti and Zestaponi",
    "Prime minister meets the European Commission delegation",
    "Teachers demand higher salaries ahead of the school year",
    "Heavy rain causes flooding in western regions of the country",
    "Football federation names the new national team coach",
    "Ministry of health reports a drop in seasonal flu cases",
    "Tbilisi city hall presents a plan for new bus lanes",
    "Election observers publish their preliminary report",
    "Tourism numbers reach a record high this summer season",
    "Energy company raises electricity tariffs from January",
    "Protesters gather outside the public broadcaster building",
    "Government approves a new strategy for mountain regions",
    "Georgian film wins the main prize at an Asian festival",
    "Border crossing reopens after three days of repairs",
    "Farmers complain about low prices for hazelnuts this year",
    "President vetoes the amendments to the broadcasting law",
    "Ombudsman calls for an investigation into the detentions",
    "Rugby team beats Portugal in the European championship",
    "Inflation slows to four percent according to statistics office",
    "Railway company orders twenty new passenger carriages",
]
KA = [
    "პარლამენტმა მომავალი წლის ბიუჯეტი მესამე მოსმენით მიიღო",
    "ოპოზიციური პარტიები დედაქალაქში ერთობლივ აქციას აანონსებენ",
    "ეროვნულმა ბანკმა რეფინანსირების განაკვეთი უცვლელი დატოვა",
    "ღვინის ექსპორტი ცხრა თვეში მეხუთედით გაიზარდა",
    "სასამართლომ ყოფილი მერის საქმის განხილვა გადადო",
    "რიკოთი-ზესტაფონის ახალი მონაკვეთი გაიხსნა",
    "პრემიერ-მინისტრი ევროკომისიის დელეგაციას შეხვდა",
    "მასწავლებლები ხელფასების მომატებას ითხოვენ",
    "დასავლეთ საქართველოში ძლიერმა წვიმამ წყალდიდობა გამოიწვია",
    "ფეხბურთის ფედერაციამ ნაკრების ახალი მწვრთნელი დაასახელა",
    "ჯანდაცვის სამინისტრო გრიპის შემთხვევების კლებას აფიქსირებს",
    "თბილისის მერიამ ავტობუსის ახალი ზოლების გეგმა წარადგინა",
    "სადამკვირვებლო მისიამ წინასწარი ანგარიში გამოაქვეყნა",
    "ტურისტების რაოდენობამ ამ ზაფხულს რეკორდს მიაღწია",
    "ენერგოკომპანია იანვრიდან ელექტროენერგიის ტარიფს ზრდის",
]
RU = [
    "Парламент принял бюджет на следующий год после долгих дебатов",
    "Оппозиция объявила о совместном митинге в столице в воскресенье",
    "Центробанк сохранил ключевую ставку на уровне одиннадцати процентов",
    "Экспорт вина за девять месяцев вырос на пятую часть",
    "Суд отложил слушание по делу бывшего мэра города",
    "Открыт новый участок автомагистрали Рикоти — Зестафони",
    "Премьер-министр встретился с делегацией Еврокомиссии",
    "Учителя требуют повышения зарплат перед учебным годом",
    "Сильные дожди вызвали наводнение в западных регионах",
    "Федерация футбола назвала нового тренера сборной",
    "Минздрав сообщил о снижении числа случаев гриппа",
    "Мэрия Тбилиси представила план новых автобусных полос",
    "Наблюдатели опубликовали предварительный доклад о выборах",
    "Число туристов этим летом достигло рекордного уровня",
    "Энергокомпания повышает тарифы на электричество с января",
    "Протестующие собрались у здания общественного вещателя",
]
SECTIONS_EN = ["Politics", "Economy", "Society", "World", "Sport", "Culture", "Opinion", "Video"]
SECTIONS_KA = ["პოლიტიკა", "ეკონომიკა", "საზოგადოება", "მსოფლიო", "სპორტი", "კულტურა"]
SECTIONS_RU = ["Политика", "Экономика", "Общество", "В мире", "Спорт", "Культура"]
TAGS = ["elections", "NATO", "EU", "Tbilisi", "Batumi", "economy", "protests", "court",
        "wine", "tourism", "energy", "health", "education", "football", "rugby"]


def esc(s):
    return html.escape(s, quote=True)


def slug(s):
    out = "".join(c.lower() if c.isalnum() and c.isascii() else "-" for c in s)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:60]


def page(title, body, lang="en"):
    return ("<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
            "<title>%s</title></head>\n<body>\n%s\n</body></html>\n" % (lang, esc(title), body))


def menu(sections, prefix="/category/", cls="menu", tag="nav"):
    items = "".join('<li class="menu-item"><a href="%s%s/">%s</a></li>' % (prefix, slug(s) or "s%d" % i, esc(s))
                    for i, s in enumerate(sections))
    return '<%s class="%s"><ul>%s</ul></%s>' % (tag, cls, items, tag)


def footer(site):
    return ('<footer class="site-footer"><ul><li><a href="/about/">About us</a></li>'
            '<li><a href="/contact/">Contact the editorial office</a></li>'
            '<li><a href="/privacy-policy/">Privacy policy and cookies</a></li>'
            '<li><a href="/advertising/">Advertising on the site</a></li>'
            '<li><a href="https://facebook.com/%s">Facebook</a></li>'
            '<li><a href="https://twitter.com/%s">Twitter</a></li></ul>'
            '<p>© 2024 %s</p></footer>' % (site, site, site))


def write(name, text):
    with open(name, "w", encoding="utf-8") as f:
        f.write(text)


def fixture(name, body, truth, title, lang="en", second=None):
    write(name + ".html", page(title, body, lang))
    write(name + ".truth", "".join(u + "\n" for u in truth))
    if second is not None:
        write(name + "-2.html", page(title + " — 2", second, lang))


BASE = {}


def absu(site, path):
    return "https://%s%s" % (site, path)


def wordpress(rng):
    site = "civil-news.example.ge"
    truth, arts = [], []
    for i, h in enumerate(EN[:10]):
        d = "2024/11/%02d" % (29 - i // 3)
        path = "/%s/%s/" % (d, slug(h))
        truth.append(absu(site, path))
        cat = rng.choice(SECTIONS_EN)
        arts.append(
            '<article id="post-%d" class="post-%d post type-post status-publish format-standard has-post-thumbnail hentry category-%s">'
            '<a class="post-thumbnail" href="%s" aria-hidden="true"><img src="/wp-content/uploads/%d.jpg" alt=""></a>'
            '<header class="entry-header"><h2 class="entry-title"><a href="%s" rel="bookmark">%s</a></h2>'
            '<div class="entry-meta"><span class="posted-on"><a href="%s" rel="bookmark"><time class="entry-date published" datetime="2024-11-29T10:00:00+04:00">29 November 2024</time></a></span>'
            '<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/editor%d/">Editor %d</a></span></span></div></header>'
            '<div class="entry-summary"><p>%s. The details are in the article.</p></div>'
            '<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/%s/" rel="category tag">%s</a></span>'
            '<span class="comments-link"><a href="%s#respond">Leave a comment</a></span>'
            ' <a class="more-link" href="%s">Continue reading<span class="screen-reader-text"> "%s"</span></a></footer></article>'
            % (5000 + i, 5000 + i, slug(cat), path, i, path, esc(h), path, i % 3, i % 3, esc(h), slug(cat), esc(cat), path, path, esc(h)))
    recent = "".join('<li><a href="%s">%s</a></li>' % (truth[i][len("https://" + site):], esc(EN[i])) for i in range(5))
    tags = "".join('<a href="/tag/%s/" class="tag-cloud-link" style="font-size: %dpt">%s</a> ' % (slug(t), 8 + i % 10, esc(t)) for i, t in enumerate(TAGS))
    body = ('<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding">'
            '<p class="site-title"><a href="/" rel="home">Civil News</a></p></div>%s</header>'
            '<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">%s'
            '<nav class="navigation pagination"><div class="nav-links"><span class="page-numbers current">1</span>'
            '<a class="page-numbers" href="/page/2/">2</a><a class="page-numbers" href="/page/3/">3</a>'
            '<a class="next page-numbers" href="/page/2/">Next page of older posts</a></div></nav></main></div>'
            '<aside id="secondary" class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>%s</ul></section>'
            '<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2><div class="tagcloud">%s</div></section></aside></div>%s</div>'
            % (menu(SECTIONS_EN, cls="main-navigation"), "".join(arts), recent, tags, footer("civilnews")))
    fixture("wordpress", body, truth, "Civil News")


def newspaper_theme(rng):
    """WordPress with postname permalinks and a "Popular" block in the
    content column (tagDiv's Newspaper-like)."""
    site = "bm.example.ge"
    truth, mods = [], []
    for i, h in enumerate(EN[3:15]):
        path = "/%s/" % slug(h)
        truth.append(absu(site, path))
        mods.append('<div class="td_module_flex td_module_flex_1"><div class="td-module-container">'
                    '<div class="td-image-container"><a href="%s" class="td-image-wrap"><span class="entry-thumb"></span></a></div>'
                    '<div class="td-module-meta-info"><h3 class="entry-title td-module-title"><a href="%s" rel="bookmark" title="%s">%s</a></h3>'
                    '<span class="td-post-author-name"><a href="/author/bm-editor/">BM Editor</a></span>'
                    '<span class="td-post-date"><time class="entry-date">November %d, 2024</time></span></div></div></div>'
                    % (path, path, esc(h), esc(h), 29 - i))
    popular = "".join('<div class="td_module_6"><h3 class="entry-title"><a href="/%s/">%s</a></h3></div>' % (slug(h), esc(h))
                      for h in EN[16:22])
    body = ('<div class="td-header-wrap"><div class="td-header-menu-wrap">%s</div></div>'
            '<div class="td-main-content-wrap"><div class="td-container"><div class="td-pb-row">'
            '<div class="td-pb-span8 td-main-content"><div class="td_block_wrap td_flex_block_1">%s</div></div>'
            '<div class="td-pb-span4 td-main-sidebar"><div class="td_block_wrap td_block_popular"><h4 class="block-title"><span>Popular</span></h4>%s</div></div>'
            '</div></div></div>%s' % (menu(SECTIONS_EN, prefix="/", cls="td-header-menu"), "".join(mods), popular, footer("bm")))
    fixture("newspaper-theme", body, truth, "BM.ge")


def drupal(rng):
    site = "www.drupal-news.example.ge"
    truth, rows = [], []
    for i, h in enumerate(EN[:12]):
        path = "/en/news/%d" % (240110 + i * 7)
        truth.append(absu(site, path))
        rows.append('<div class="views-row views-row-%d views-row-%s%s">'
                    '<div class="views-field views-field-field-image"><div class="field-content"><a href="%s"><img src="/sites/default/files/%d.jpg" alt="%s"></a></div></div>'
                    '<div class="views-field views-field-title"><span class="field-content"><a href="%s">%s</a></span></div>'
                    '<div class="views-field views-field-created"><span class="field-content">29.11.2024 - 1%d:00</span></div></div>'
                    % (i + 1, "odd" if i % 2 == 0 else "even", " views-row-first" if i == 0 else "", path, i, esc(h), path, esc(h), i % 10))
    pop = "".join('<li class="views-row"><a href="/en/news/%d">%s</a></li>' % (230000 + i, esc(h)) for i, h in enumerate(EN[14:21]))
    pager = "".join('<li class="pager-item"><a title="Go to page %d" href="/en/news?page=%d">%d</a></li>' % (p + 1, p, p + 1) for p in range(1, 6))
    body = ('<div id="page-wrapper"><div id="header"><div class="region region-header">'
            '<div id="block-system-main-menu" class="block block-system block-menu"><ul class="menu">%s</ul></div></div></div>'
            '<div id="main"><div id="content" class="column"><h1 class="title">News</h1>'
            '<div class="view view-news view-id-news view-display-id-page"><div class="view-content">%s</div>'
            '<h2 class="element-invisible">Pages</h2><div class="item-list"><ul class="pager">%s</ul></div></div></div>'
            '<div id="sidebar-second" class="column sidebar"><div id="block-views-most-read-block" class="block block-views"><h2>Most read</h2>'
            '<div class="view view-most-read"><div class="view-content"><div class="item-list"><ul>%s</ul></div></div></div></div></div></div>'
            '<div id="footer">%s</div></div>'
            % ("".join('<li class="leaf"><a href="/en/%s">%s</a></li>' % (slug(s), esc(s)) for s in SECTIONS_EN),
               "".join(rows), pager, pop, footer("drupalnews")))
    fixture("drupal", body, truth, "News | Drupal News")


def rustavi2(rng):
    """A lead story, three secondary ones and "MORE HEADLINES": all news."""
    site = "rustavi2.example.ge"
    truth = []

    def link(i):
        path = "/en/news/%d" % (287300 + i)
        truth.append(absu(site, path))
        return path
    lead = ('<div class="main-news"><a class="main-news-img" href="%s"><img src="/img/0.jpg"></a>'
            '<div class="main-news-title"><a href="%s">%s</a></div></div>' % (link(0), truth[-1][len("https://" + site):], esc(EN[0])))
    second = "".join('<div class="sec-news"><a href="%s"><img src="/img/%d.jpg"></a><div class="sec-title"><a href="%s">%s</a></div></div>'
                     % (link(i), i, truth[-1][len("https://" + site):], esc(EN[i])) for i in range(1, 4))
    more = "".join('<div class="nw_line"><span class="nw_time">1%d:%02d</span><a class="nw_title" href="%s">%s</a></div>'
                   % (i % 10, (i * 7) % 60, link(i), esc(EN[i])) for i in range(4, 20))
    body = ('<div class="header"><div class="logo"><a href="/en">Rustavi 2</a></div><div class="menu_wrap">'
            '<a href="/en/news">News</a><a href="/en/shows">Shows</a><a href="/en/live">Live</a><a href="/en/schedule">Schedule</a>'
            '<a href="/ka">ქართ</a></div></div>'
            '<div class="content"><div class="top_block">%s<div class="sec-block">%s</div></div>'
            '<div class="more_headlines"><div class="bl_title">MORE HEADLINES</div>%s'
            '<div class="all_news"><a href="/en/news">All news</a></div></div></div>'
            '<div class="footer"><a href="/en/about">About company</a><a href="/en/contact">Contact</a>'
            '<a href="https://www.facebook.com/rustavi2">Facebook</a></div>' % (lead, second, more))
    fixture("rustavi2", body, truth, "Rustavi 2")


def georgian(rng):
    site = "www.ipn.example.ge"
    truth, items = [], []
    for i, h in enumerate(KA[:12]):
        path = "/ka/article/%d-%s/" % (812300 + i, "statia")
        truth.append(absu(site, path))
        items.append('<div class="news-item"><div class="news-item-date">29.11.2024 1%d:%02d</div>'
                     '<a href="%s" class="news-item-title">%s</a></div>' % (i % 10, i * 3, path, esc(h)))
    top = "".join('<li><span class="num">%d</span><a href="/ka/article/%d-statia/">%s</a></li>' % (i + 1, 800000 + i, esc(h))
                  for i, h in enumerate(KA[5:12]))
    body = ('<header class="header">%s</header><div class="container"><div class="row">'
            '<div class="col-8"><h1>ბოლო ამბები</h1><div class="news-list">%s</div>'
            '<div class="load-more"><a href="/ka/news?page=2">მეტის ნახვა</a></div></div>'
            '<div class="col-4"><div class="box"><div class="box-head">ყველაზე კითხვადი</div><ol class="box-list">%s</ol></div></div>'
            '</div></div>%s' % (menu(SECTIONS_KA, prefix="/ka/category/", cls="main-menu"), "".join(items), top, footer("ipn")))
    fixture("georgian", body, truth, "ინტერპრესნიუსი", lang="ka")


def russian(rng):
    site = "sputnik.example.ge"
    truth, items = [], []
    for i, h in enumerate(RU[:14]):
        path = "/ru/news/2024/11/%02d/%s.html" % (29 - i // 5, "novost-%d" % (i + 1))
        truth.append(absu(site, path))
        items.append('<li class="list__item"><div class="list__content"><a class="list__title" href="%s">%s</a>'
                     '<div class="list__info"><span class="list__date">%d:%02d</span>'
                     '<a class="list__tag" href="/ru/politics/">Политика</a></div></div></li>' % (path, esc(h), 10 + i % 10, i * 4))
    read = "".join('<div class="cell"><a href="/ru/news/2024/10/%02d/staroe-%d.html">%s</a></div>' % (10 + i, i, esc(h))
                   for i, h in enumerate(RU[8:15]))
    also = "".join('<a class="also" href="/ru/news/2024/11/01/takzhe-%d.html">%s</a>' % (i, esc(h)) for i, h in enumerate(RU[2:5]))
    body = ('<div class="page__header">%s</div><div class="layout"><div class="layout__main">'
            '<h1 class="section-title">Новости</h1><ul class="list">%s</ul>'
            '<div class="more"><a href="/ru/news/?page=2">Ещё новости</a></div></div>'
            '<div class="layout__right"><div class="block"><div class="block__title">Самое читаемое</div>%s</div>'
            '<div class="block"><div class="block__title">Читайте также</div>%s</div></div></div>%s'
            % (menu(SECTIONS_RU, prefix="/ru/", cls="nav"), "".join(items), read, also, footer("sputnik")))
    fixture("russian", body, truth, "Новости — Sputnik", lang="ru")


def boxes(rng):
    """A section page with "related", "most read" and a trending ticker
    that hold article links of the same shape."""
    site = "www.boxes.example.com"
    truth, items = [], []
    for i, h in enumerate(EN[:15]):
        path = "/world/2024/11/%02d/%s" % (20 + i % 9, slug(h))
        truth.append(absu(site, path))
        items.append('<li class="story"><h3 class="story__headline"><a href="%s">%s</a></h3><p class="story__standfirst">%s, officials said.</p></li>'
                     % (path, esc(h), esc(h[:40])))
    ticker = "".join('<a href="/world/2024/11/28/%s">%s</a>' % (slug(h), esc(h)) for h in EN[20:24])
    related = "".join('<li><a href="/world/2024/10/%02d/%s">%s</a></li>' % (i + 1, slug(h), esc(h)) for i, h in enumerate(EN[15:21]))
    most = "".join('<li><a href="/world/2024/09/%02d/%s">%s</a></li>' % (i + 1, slug(h), esc(h)) for i, h in enumerate(EN[18:25]))
    body = ('<div class="ticker">Breaking: %s</div>%s<main><h1>World</h1><ul class="stories">%s</ul>'
            '<section class="related-stories"><h2>Related</h2><ul>%s</ul></section>'
            '<section class="most-read"><h2>Most read</h2><ol>%s</ol></section></main>%s'
            % (ticker, menu(SECTIONS_EN, prefix="/", cls="site-nav"), "".join(items), related, most, footer("boxes")))
    fixture("boxes", body, truth, "World | Boxes")


def archive(rng):
    site = "archive.example.org"
    truth, items, items2 = [], [], []
    for i, h in enumerate(EN[:10]):
        path = "/story/%d/%s" % (99000 - i, slug(h))
        truth.append(absu(site, path))
        items.append('<div class="archive-entry"><h2><a href="%s">%s</a></h2><div class="date">November %d, 2024</div></div>' % (path, esc(h), 29 - i))
    for i, h in enumerate(EN[10:20]):
        items2.append('<div class="archive-entry"><h2><a href="/story/%d/%s">%s</a></h2><div class="date">November %d, 2024</div></div>' % (98990 - i, slug(h), esc(h), 19 - i))
    pages = "".join('<a href="/archive/page/%d">%d</a>' % (p, p) for p in range(1, 9))
    picks = "".join('<li><a href="/story/%d/%s">%s</a></li>' % (90000 + i, slug(h), esc(h)) for i, h in enumerate(EN[20:25]))

    def body(its):
        return ('%s<div id="archive"><h1>Archive</h1>%s<div class="pages">%s'
                '<a class="next" href="/archive/page/3">Older stories →</a></div></div>'
                '<div class="picks"><ul>%s</ul></div>%s' % (menu(SECTIONS_EN, prefix="/section/"), its, pages, picks, footer("archive")))
    # "picks" has no class or heading that says so: only the second page of
    # the archive, where the same five links sit in the same place, tells.
    fixture("archive", body("".join(items)), truth, "Archive, page 2", second=body("".join(items2)))


def cards(rng):
    site = "cards.example.com"
    truth, cs = [], []
    for i, h in enumerate(EN[5:17]):
        path = "/articles/%s-%d" % (slug(h)[:30], 7000 + i)
        truth.append(absu(site, path))
        cs.append('<a class="card" href="%s"><div class="card__media"><img src="/m/%d.jpg" alt=""></div>'
                  '<div class="card__body"><h3 class="card__title">%s</h3><p class="card__excerpt">%s. A longer summary of the story follows here, as cards show it.</p>'
                  '<span class="card__date">2 hours ago</span></div></a>' % (path, i, esc(h), esc(h)))
    body = ('<header><a href="/" class="logo">Cards</a>%s</header><main><div class="grid">%s</div>'
            '<div class="tags"><a href="/topics/elections">elections</a><a href="/topics/economy">economy</a>'
            '<a href="/topics/protests">protests</a><a href="/topics/energy">energy</a><a href="/topics/health">health</a></div></main>%s'
            % (menu(SECTIONS_EN, prefix="/sections/"), "".join(cs), footer("cards")))
    fixture("cards", body, truth, "Cards")


def table_site(rng):
    site = "old.example.ge"
    truth, rows = [], []
    for i, h in enumerate(EN[:12]):
        path = "/news.php?id=%d&lang=en" % (45100 + i)
        truth.append(absu(site, path))
        rows.append('<tr><td class="date">29/11/2024</td><td><a href="%s" class="link">%s</a></td></tr>' % (esc(path), esc(h)))
    left = "".join('<a href="/news.php?cat=%d&amp;lang=en">%s</a><br>' % (i, esc(s)) for i, s in enumerate(SECTIONS_EN))
    body = ('<table width="100%%"><tr><td valign="top" width="180">%s</td><td valign="top"><table class="news">%s</table>'
            '<p><a href="/archive.php?lang=en">Archive</a></p></td></tr></table>'
            '<center><a href="/about.php">About</a> | <a href="/contact.php">Contact</a></center>' % (left, "".join(rows)))
    fixture("table", body, truth, "Old News")


def magazine(rng):
    """A home page of sections, each a list of its own."""
    site = "mag.example.com"
    truth, secs = [], []
    k = 0
    for si, s in enumerate(SECTIONS_EN[:4]):
        lis = []
        for j in range(4):
            h = EN[(k * 3) % len(EN)] if k >= len(EN) else EN[k]
            path = "/%s/%d/%s" % (slug(s), 31000 + k, slug(h))
            truth.append(absu(site, path))
            lis.append('<li><a href="%s">%s</a></li>' % (path, esc(h)))
            k += 1
        secs.append('<section class="home-section section-%s"><h2><a href="/%s/">%s</a></h2><ul class="headlines">%s</ul></section>'
                    % (slug(s), slug(s), esc(s), "".join(lis)))
    hero_path = "/politics/30999/%s" % slug(EN[24])
    truth.insert(0, absu(site, hero_path))
    hero = '<div class="hero"><h1 class="hero-title"><a href="%s">%s</a></h1><p>%s.</p></div>' % (hero_path, esc(EN[24]), esc(EN[24]))
    body = ('<header>%s</header><main>%s%s</main>%s' % (menu(SECTIONS_EN, prefix="/"), hero, "".join(secs), footer("mag")))
    fixture("magazine", body, truth, "Mag")


def latest(rng):
    """A lead story above the latest list, tags with long names, social
    links, and a footer listing the sections."""
    site = "www.latest.example.ge"
    truth, items = [], []
    lead = "/en/article/%d-%s" % (600100, slug(EN[12]))
    truth.append(absu(site, lead))
    for i, h in enumerate(EN[:11]):
        path = "/en/article/%d-%s" % (600090 - i, slug(h))
        truth.append(absu(site, path))
        items.append('<div class="latest-item"><span class="time">1%d:00</span><h4><a href="%s">%s</a></h4></div>' % (i % 10, path, esc(h)))
    tags = "".join('<li><a href="/en/tag/%s">%s</a></li>' % (slug(t), esc(t + " news and analysis")) for t in TAGS[:8])
    body = ('<div class="top-bar"><a href="/ka">GEO</a> <a href="/ru">RUS</a> <a href="/en">ENG</a></div>'
            '<header class="site-header">%s</header><div class="wrap"><div class="lead-story"><h2><a href="%s">%s</a></h2>'
            '<p>%s.</p></div><div class="latest">%s</div><div class="tags-list"><ul>%s</ul></div></div>'
            '<footer><div class="footer-sections">%s</div><div class="social"><a href="https://facebook.com/x">Facebook</a>'
            '<a href="https://t.me/x">Telegram</a></div></footer>'
            % (menu(SECTIONS_EN, prefix="/en/"), lead, esc(EN[12]), esc(EN[12]), "".join(items), tags,
               "".join('<a href="/en/%s">%s</a>' % (slug(s), esc(s)) for s in SECTIONS_EN)))
    fixture("latest", body, truth, "Latest")


def editors_picks(rng):
    """The same unlabelled "picks" box on every page of the site: only a
    second page tells it is not the news."""
    site = "picks.example.ge"
    truth, items, items2 = [], [], []
    for i, h in enumerate(EN[:9]):
        path = "/news/%d" % (50500 + i)
        truth.append(absu(site, path))
        items.append('<div class="item"><h3><a href="%s">%s</a></h3></div>' % (path, esc(h)))
    for i, h in enumerate(EN[9:18]):
        items2.append('<div class="item"><h3><a href="/news/%d">%s</a></h3></div>' % (50400 + i, esc(h)))
    picks = "".join('<div class="item"><h3><a href="/news/%d">%s</a></h3></div>' % (49000 + i, esc(h)) for i, h in enumerate(EN[18:25]))

    def body(its):
        return ('%s<div class="columns"><div class="column">%s</div><div class="column">%s</div></div>%s'
                % (menu(SECTIONS_EN, prefix="/section/"), its, picks, footer("picks")))
    fixture("picks", body("".join(items)), truth, "Picks", second=body("".join(items2)))


def liveblog_home(rng):
    """A Russian home page: big news cards and a compact feed of the same
    articles' shape in another column."""
    site = "ru.example.ge"
    truth, big, feed = [], [], []
    for i, h in enumerate(RU[:4]):
        path = "/%d-%s.html" % (1288000 + i, "novost")
        truth.append(absu(site, path))
        big.append('<div class="big-card"><a href="%s" class="big-card__link"><span class="big-card__title">%s</span></a></div>' % (path, esc(h)))
    for i, h in enumerate(RU[4:16]):
        path = "/%d-%s.html" % (1287900 + i, "novost")
        truth.append(absu(site, path))
        feed.append('<div class="feed-row"><time>1%d:%02d</time><a href="%s">%s</a></div>' % (i % 10, i, path, esc(h)))
    body = ('<div class="header">%s<div class="langs"><a href="https://ka.example.ge/">ГЕО</a></div></div>'
            '<div class="main"><div class="cards">%s</div><div class="news-feed"><div class="news-feed__title">Лента новостей</div>%s</div></div>%s'
            % (menu(SECTIONS_RU, prefix="/rubric/", cls="header-menu", tag="div"), "".join(big), "".join(feed), footer("ru")))
    fixture("russian-home", body, truth, "Новости Грузии", lang="ru")


if __name__ == "__main__":
    rng = random.Random(16)
    for f in (wordpress, newspaper_theme, drupal, rustavi2, georgian, russian, boxes, archive, cards,
              table_site, magazine, latest, editors_picks, liveblog_home):
        f(rng)
