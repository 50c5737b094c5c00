#!/usr/bin/env python3
"""Writes labelled.json: articles about 15 events (and three of their
own) in English, Russian and Georgian, written for this set, each with the
story it belongs to; near-copies (a new headline, a paragraph added, cut
short) and recycled copies (the same text republished 30+ days later with
a new date) name their original. Look-alike events that must stay apart:
two Tbilisi protests a week apart, two earthquakes six days apart, two
Tbilisi fires eight days apart, a law passed and vetoed four days apart.

    python3 make-labelled.py > labelled.json
"""
import json
import sys

OUTLETS = {
    "Reuters": "reuters.com", "Civil Georgia": "civil.ge", "OC Media": "oc-media.org",
    "Agenda.ge": "agenda.ge", "Georgia Today": "georgiatoday.ge",
    "Caucasus Watch": "caucasuswatch.de", "Tbilisi Times": "tbilisitimes.ge",
    "Эхо Кавказа": "ekhokavkaza.com", "Новости-Грузия": "newsgeorgia.ge",
    "Sputnik Грузия": "sputnik-georgia.ru", "Интерфакс": "interfax.ru",
    "ინტერპრესნიუსი": "interpressnews.ge", "რადიო თავისუფლება": "radiotavisupleba.ge",
    "ფორმულა": "formulanews.ge", "პუბლიკა": "publika.ge",
}

# (id, story, outlet, lang, published, title, text)
A = []
# Copies: (id, outlet, published, of, title or None, added text or None, sentences cut)
C = []


def art(i, story, outlet, lang, when, title, text):
    A.append((i, story, outlet, lang, when, title, text))


def copy(i, outlet, when, of, title=None, add=None, cut=0):
    C.append((i, outlet, when, of, title, add, cut))


# 1. The foreign influence law passed (14 May 2024).
art("law-en-reuters", "law-passed", "Reuters", "en", "2024-05-14T12:30:00Z",
    "Georgian parliament passes 'foreign agents' bill despite protests",
    "Georgia's parliament on Tuesday passed in its third and final reading a law on \"foreign influence\" that critics say is modelled on a Russian law used to silence dissent. The ruling Georgian Dream party pushed the bill through by 84 votes to 30. Thousands of protesters gathered outside the parliament building on Rustaveli Avenue in Tbilisi. The European Union said the law was incompatible with Georgia's bid to join the bloc. Speaker Shalva Papuashvili said the law would make the funding of non-governmental organisations transparent.")
copy("law-en-gt", "Georgia Today", "2024-05-14T13:40:00Z", "law-en-reuters",
     title="Tbilisi lawmakers adopt foreign influence law by 84 votes to 30")
copy("law-en-cw", "Caucasus Watch", "2024-05-14T16:10:00Z", "law-en-reuters",
     add="President Salome Zourabichvili has said she will veto the law. The ruling party has enough votes in parliament to override her veto.")
art("law-en-civil", "law-passed", "Civil Georgia", "en", "2024-05-14T13:05:00Z",
    "Parliament adopts foreign influence law in final reading",
    "Georgian Dream lawmakers adopted the so-called foreign agents law on May 14, with 84 members voting in favour and 30 against. Opposition MPs walked out of the chamber after a scuffle. Outside, demonstrators chanted \"No to the Russian law\" and waved EU flags. Mamuka Mdinaradze, the ruling party's parliamentary leader, said organisations receiving more than 20 percent of their funding from abroad will have to register.")
art("law-ru-ekho", "law-passed", "Эхо Кавказа", "ru", "2024-05-14T13:00:00Z",
    "Парламент Грузии принял закон об «иностранном влиянии» в третьем чтении",
    "Парламент Грузии во вторник, 14 мая, принял в третьем, окончательном чтении закон о прозрачности иностранного влияния. За законопроект проголосовали 84 депутата, против — 30. У здания парламента на проспекте Руставели собрались тысячи демонстрантов. Председатель парламента Шалва Папуашвили заявил, что закон обеспечит прозрачность финансирования неправительственных организаций. В Евросоюзе назвали решение шагом назад.")
art("law-ru-ng", "law-passed", "Новости-Грузия", "ru", "2024-05-14T14:20:00Z",
    "«Грузинская мечта» провела закон об иностранных агентах",
    "Правящая партия «Грузинская мечта» добилась принятия закона об иностранных агентах: 84 голоса «за» и 30 «против». Лидер парламентского большинства Мамука Мдинарадзе заявил, что организации, получающие более 20% финансирования из-за рубежа, должны будут регистрироваться. Оппозиция покинула зал заседаний.")
art("law-ka-ipn", "law-passed", "ინტერპრესნიუსი", "ka", "2024-05-14T12:50:00Z",
    "პარლამენტმა „უცხოური გავლენის გამჭვირვალობის შესახებ“ კანონი მესამე მოსმენით მიიღო",
    "საქართველოს პარლამენტმა 14 მაისს „უცხოური გავლენის გამჭვირვალობის შესახებ“ კანონი მესამე, საბოლოო მოსმენით მიიღო. კანონს მხარი 84 დეპუტატმა დაუჭირა, წინააღმდეგ 30 მისცა ხმა. პარლამენტის თავმჯდომარის, შალვა პაპუაშვილის განცხადებით, კანონი არასამთავრობო ორგანიზაციების დაფინანსებას გამჭვირვალეს გახდის. რუსთაველის გამზირზე ათასობით მომიტინგე შეიკრიბა.")
art("law-ka-rfe", "law-passed", "რადიო თავისუფლება", "ka", "2024-05-14T15:00:00Z",
    "„რუსული კანონი“ მიღებულია: 84 ხმა მომხრე, 30 წინააღმდეგ",
    "„ქართულმა ოცნებამ“ უცხოელი აგენტების შესახებ კანონი საბოლოოდ დაამტკიცა. უმრავლესობის ლიდერმა მამუკა მდინარაძემ განაცხადა, რომ ორგანიზაციებმა, რომლებიც დაფინანსების 20 პროცენტზე მეტს საზღვარგარეთიდან იღებენ, რეგისტრაცია უნდა გაიარონ. ოპოზიციონერებმა სხდომათა დარბაზი დატოვეს, ევროკავშირმა კი კანონი კანდიდატის სტატუსთან შეუთავსებლად მიიჩნია.")

# 2. The president's veto (18 May 2024): the same law, another event.
art("veto-en-civil", "veto", "Civil Georgia", "en", "2024-05-18T11:00:00Z",
    "President Zourabichvili vetoes foreign influence law",
    "President Salome Zourabichvili on Saturday vetoed the controversial law on transparency of foreign influence, calling it \"Russian in its essence and spirit\". In a televised address from the Orbeliani Palace, she said the law contradicted the constitution and the will of the Georgian people to join the European Union. Georgian Dream can override the veto with a simple majority of 76 lawmakers.")
art("veto-en-oc", "veto", "OC Media", "en", "2024-05-18T14:30:00Z",
    "Georgian president's veto sets up showdown with parliament",
    "Salome Zourabichvili formally returned the bill to parliament on 18 May with her objections. The ruling party has said it will overturn the veto next week. Zourabichvili, whose powers are largely ceremonial, urged opposition parties to unite ahead of the October elections and proposed a Georgian Charter.")
art("veto-ru-ekho", "veto", "Эхо Кавказа", "ru", "2024-05-18T11:40:00Z",
    "Саломе Зурабишвили наложила вето на закон об иноагентах",
    "Президент Грузии Саломе Зурабишвили в субботу наложила вето на закон о прозрачности иностранного влияния. В обращении из Дворца Орбелиани она назвала закон «русским по сути и по духу». Для преодоления вето правящей партии достаточно 76 голосов в парламенте.")
art("veto-ru-sputnik", "veto", "Sputnik Грузия", "ru", "2024-05-18T16:00:00Z",
    "Зурабишвили ветировала закон, «Грузинская мечта» готова преодолеть вето",
    "Как и обещала, Саломе Зурабишвили 18 мая вернула закон в парламент. Спикер Шалва Папуашвили заявил, что парламент рассмотрит вето на следующей неделе и преодолеет его. Оппозиция призвала граждан продолжать акции протеста.")
art("veto-ka-ipn", "veto", "ინტერპრესნიუსი", "ka", "2024-05-18T11:20:00Z",
    "სალომე ზურაბიშვილმა კანონს ვეტო დაადო",
    "საქართველოს პრეზიდენტმა სალომე ზურაბიშვილმა 18 მაისს „უცხოური გავლენის გამჭვირვალობის შესახებ“ კანონს ვეტო დაადო. ორბელიანის სასახლიდან გაკეთებულ მიმართვაში მან კანონი „არსით და სულისკვეთებით რუსულად“ მოიხსენია. ვეტოს დასაძლევად უმრავლესობას 76 ხმა სჭირდება.")
art("veto-ka-formula", "veto", "ფორმულა", "ka", "2024-05-18T17:10:00Z",
    "პაპუაშვილი: ვეტოს მომავალ კვირას დავძლევთ",
    "პარლამენტის თავმჯდომარე შალვა პაპუაშვილი აცხადებს, რომ პრეზიდენტის ვეტო მომავალ კვირას დაიძლევა. მისი თქმით, ზურაბიშვილის შენიშვნები მხოლოდ კანონის მიღების შეფერხებას ისახავს მიზნად.")

# 3. Stoltenberg in Tbilisi (18 March 2024).
art("nato-ru-interfax", "stoltenberg-2024", "Интерфакс", "ru", "2024-03-18T08:00:00Z",
    "Столтенберг в Тбилиси: Грузия станет членом НАТО",
    "Генеральный секретарь НАТО Йенс Столтенберг, находящийся с визитом в Тбилиси, заявил, что решение Бухарестского саммита 2008 года остается в силе и Грузия станет членом альянса. Столтенберг провел переговоры с премьер-министром Ираклием Кобахидзе и президентом Саломе Зурабишвили. Он также призвал Тбилиси продолжать реформы и противостоять дезинформации.")
copy("nato-ru-sputnik", "Sputnik Грузия", "2024-03-18T09:30:00Z", "nato-ru-interfax",
     title="Генсек НАТО подтвердил решение Бухарестского саммита")
art("nato-en-civil", "stoltenberg-2024", "Civil Georgia", "en", "2024-03-18T10:15:00Z",
    "Stoltenberg in Tbilisi: 'Georgia will become a NATO member'",
    "NATO Secretary General Jens Stoltenberg arrived in Tbilisi on March 18 for a two-day visit and met Prime Minister Irakli Kobakhidze. Speaking at a joint press conference, Stoltenberg reaffirmed the 2008 Bucharest summit decision that Georgia will one day join the Alliance, while urging the government to pursue democratic reforms.")
art("nato-en-agenda", "stoltenberg-2024", "Agenda.ge", "en", "2024-03-18T12:00:00Z",
    "Kobakhidze and Stoltenberg discuss Black Sea security",
    "Prime Minister Irakli Kobakhidze hosted Jens Stoltenberg at the government administration on Monday. The two discussed security in the Black Sea region, Russia's war against Ukraine and the Substantial NATO-Georgia Package. Kobakhidze thanked the Secretary General for the Alliance's support of Georgia's territorial integrity.")
art("nato-ka-ipn", "stoltenberg-2024", "ინტერპრესნიუსი", "ka", "2024-03-18T10:40:00Z",
    "სტოლტენბერგი: საქართველო ნატოს წევრი გახდება",
    "ნატოს გენერალური მდივანი იენს სტოლტენბერგი თბილისში ვიზიტით იმყოფება. ირაკლი კობახიძესთან ერთობლივ პრესკონფერენციაზე სტოლტენბერგმა განაცხადა, რომ 2008 წლის ბუქარესტის სამიტის გადაწყვეტილება ძალაშია და საქართველო ალიანსის წევრი გახდება.")
art("nato-ka-publika", "stoltenberg-2024", "პუბლიკა", "ka", "2024-03-18T13:20:00Z",
    "კობახიძე და სტოლტენბერგი შავი ზღვის უსაფრთხოებაზე საუბრობდნენ",
    "პრემიერ-მინისტრმა ირაკლი კობახიძემ ნატოს გენერალურ მდივანს იენს სტოლტენბერგს უმასპინძლა. შეხვედრაზე შავი ზღვის რეგიონის უსაფრთხოება, უკრაინაში მიმდინარე ომი და ნატო-საქართველოს არსებითი პაკეტი განიხილეს.")

# 4. Stoltenberg's statement of April 2022, republished in April 2024.
art("nato22-en-reuters", "stoltenberg-2022", "Reuters", "en", "2022-04-07T14:00:00Z",
    "NATO allies agree to step up support for Georgia, Stoltenberg says",
    "NATO foreign ministers meeting in Brussels agreed on Thursday to step up support for partners such as Georgia and Moldova that face pressure from Russia, Secretary General Jens Stoltenberg said. \"We will provide more support to Georgia to strengthen its resilience and its ability to defend itself,\" Stoltenberg told reporters after the meeting. He said allies were concerned that Moscow could try to destabilise other countries in the region, including Bosnia and Herzegovina.")
copy("nato22-en-recycled", "Tbilisi Times", "2024-04-10T09:00:00Z", "nato22-en-reuters",
     title="Stoltenberg: NATO will step up support for Georgia", cut=1)
art("nato22-ru-ekho", "stoltenberg-2022", "Эхо Кавказа", "ru", "2022-04-07T16:00:00Z",
    "Столтенберг: НАТО усилит поддержку Грузии",
    "Министры иностранных дел стран НАТО на встрече в Брюсселе договорились усилить поддержку партнеров, включая Грузию и Молдову, заявил генеральный секретарь альянса Йенс Столтенберг. «Мы окажем Грузии больше поддержки, чтобы укрепить ее устойчивость и способность защищать себя», — сказал он журналистам. По словам Столтенберга, союзники обеспокоены возможными попытками Москвы дестабилизировать другие страны региона.")
copy("nato22-ru-recycled", "Sputnik Грузия", "2024-04-11T07:00:00Z", "nato22-ru-ekho",
     title="Генсек НАТО пообещал Грузии больше поддержки")
art("nato22-ka-ipn", "stoltenberg-2022", "ინტერპრესნიუსი", "ka", "2022-04-07T18:00:00Z",
    "სტოლტენბერგი: ნატო საქართველოს მხარდაჭერას გააძლიერებს",
    "ბრიუსელში ნატოს წევრი ქვეყნების საგარეო საქმეთა მინისტრები შეთანხმდნენ, რომ საქართველოსა და მოლდოვას მხარდაჭერა გაძლიერდება. ალიანსის გენერალური მდივნის იენს სტოლტენბერგის თქმით, მოკავშირეები შეშფოთებულნი არიან, რომ მოსკოვმა შესაძლოა რეგიონის სხვა ქვეყნების დესტაბილიზაცია სცადოს.")

# 5. The rally outside parliament dispersed (1 May 2024).
art("may1-en-oc", "protest-may1", "OC Media", "en", "2024-05-01T06:00:00Z",
    "Police disperse protesters with tear gas outside Georgian parliament",
    "Riot police used tear gas, water cannon and rubber bullets early on Wednesday to disperse tens of thousands of demonstrators who had gathered outside the parliament in Tbilisi to oppose the foreign agents bill. The Interior Ministry said 63 people were detained and 6 police officers injured. Opposition leader Levan Khabeishvili was hospitalised after being beaten.")
art("may1-en-civil", "protest-may1", "Civil Georgia", "en", "2024-05-01T09:30:00Z",
    "63 detained as Rustaveli Avenue rally is broken up",
    "The Interior Ministry reported that 63 people were detained during the night of April 30 to May 1 after clashes near the parliament building on Rustaveli Avenue. United National Movement chairman Levan Khabeishvili appeared with a bruised face and said he had been beaten by police. Public Defender Levan Ioseliani demanded an investigation.")
art("may1-ru-ekho", "protest-may1", "Эхо Кавказа", "ru", "2024-05-01T07:10:00Z",
    "В Тбилиси разогнали акцию протеста у парламента",
    "Полиция применила слезоточивый газ и водометы против участников многотысячной акции протеста у здания парламента Грузии на проспекте Руставели. По данным МВД, задержаны 63 человека, пострадали шесть полицейских. Лидер «Единого национального движения» Леван Хабеишвили госпитализирован.")
art("may1-ru-ng", "protest-may1", "Новости-Грузия", "ru", "2024-05-01T10:00:00Z",
    "МВД Грузии: задержаны 63 участника акции",
    "МВД Грузии сообщило о задержании 63 человек после столкновений в ночь на 1 мая. Народный защитник Леван Иоселиани потребовал расследовать действия полиции. Оппозиция объявила о новой акции вечером.")
art("may1-ka-ipn", "protest-may1", "ინტერპრესნიუსი", "ka", "2024-05-01T06:30:00Z",
    "პარლამენტთან აქცია ცრემლსადენი გაზით დაშალეს",
    "სამართალდამცველებმა პარლამენტის შენობასთან შეკრებილი ათიათასობით მომიტინგე ცრემლსადენი გაზითა და წყლის ჭავლით დაშალეს. შინაგან საქმეთა სამინისტროს ინფორმაციით, 63 ადამიანი დააკავეს, დაშავდა 6 პოლიციელი. ოპოზიციის ლიდერი ლევან ხაბეიშვილი საავადმყოფოში გადაიყვანეს.")
copy("may1-ka-publika", "პუბლიკა", "2024-05-01T08:00:00Z", "may1-ka-ipn",
     add="სახალხო დამცველმა ლევან იოსელიანმა პოლიციის ქმედებების გამოძიება მოითხოვა. ოპოზიციამ ახალი აქცია საღამოს დანიშნა.")
copy("may1-ka-formula", "ფორმულა", "2024-05-01T08:45:00Z", "may1-ka-ipn",
     title="აქციის დარბევა: 63 დაკავებული")

# 6. The students' march (8 May 2024): same place, a week later.
art("may8-en-oc", "students-may8", "OC Media", "en", "2024-05-08T18:00:00Z",
    "Students march from Tbilisi State University to parliament",
    "Thousands of students from at least 12 universities marched on Wednesday evening from Tbilisi State University to the parliament building, the latest in a wave of protests against the foreign agents bill. The march passed peacefully; organisers said students would continue a strike and boycott lectures until the bill was withdrawn.")
art("may8-en-civil", "students-may8", "Civil Georgia", "en", "2024-05-08T15:00:00Z",
    "University students go on strike over foreign influence bill",
    "Students at Ilia State University and the Free University announced a strike on May 8, joining the demonstrators on Rustaveli Avenue. Rector Giorgi Sharvashidze said the university would not punish students for missing lectures. No detentions were reported by the evening.")
art("may8-ru-ekho", "students-may8", "Эхо Кавказа", "ru", "2024-05-08T19:00:00Z",
    "Студенты вузов Тбилиси объявили забастовку",
    "Студенты как минимум 12 университетов Грузии в среду прошли маршем от Тбилисского государственного университета к зданию парламента. Они объявили забастовку и бойкот лекций до отзыва законопроекта об иноагентах. Шествие прошло мирно, задержаний не было.")
art("may8-ru-sputnik", "students-may8", "Sputnik Грузия", "ru", "2024-05-08T20:30:00Z",
    "Студенческий марш в Тбилиси прошел без задержаний",
    "Марш студентов, организованный 8 мая, завершился у здания парламента на проспекте Руставели. Ректор Государственного университета Ильи Гиорги Шарвашидзе заявил, что студентов не будут наказывать за пропуски лекций.")
art("may8-ka-ipn", "students-may8", "ინტერპრესნიუსი", "ka", "2024-05-08T18:30:00Z",
    "სტუდენტებმა თბილისის სახელმწიფო უნივერსიტეტიდან პარლამენტამდე იმსვლელეს",
    "სულ მცირე 12 უნივერსიტეტის სტუდენტებმა 8 მაისს თბილისის სახელმწიფო უნივერსიტეტიდან პარლამენტამდე მსვლელობა გამართეს. სტუდენტები ლექციების ბოიკოტს და გაფიცვას კანონპროექტის გაწვევამდე გააგრძელებენ. მსვლელობა მშვიდობიანად ჩატარდა.")
art("may8-ka-rfe", "students-may8", "რადიო თავისუფლება", "ka", "2024-05-08T16:00:00Z",
    "ილიაუნის რექტორი: სტუდენტებს გაცდენის გამო არ დავსჯით",
    "ილიას სახელმწიფო უნივერსიტეტის რექტორმა გიორგი შარვაშიძემ განაცხადა, რომ სტუდენტები, რომლებიც გაფიცვაში მონაწილეობენ, ლექციების გაცდენის გამო არ დაისჯებიან. თავისუფალი უნივერსიტეტის სტუდენტებიც რუსთაველის გამზირზე აქციას შეუერთდნენ.")

# 7. The Racha earthquake (20 February 2024), republished in April.
art("racha-en-agenda", "quake-racha", "Agenda.ge", "en", "2024-02-20T06:30:00Z",
    "Magnitude 4.7 earthquake hits Racha region",
    "An earthquake of magnitude 4.7 struck the Racha region in western Georgia at 08:14 local time on Tuesday, the Seismic Monitoring Centre of Ilia State University said. The epicentre was 12 kilometres north of Ambrolauri at a depth of 10 kilometres. Tremors were felt in Kutaisi, Tkibuli and Oni. No casualties or serious damage were reported, the Emergency Management Service said.")
copy("racha-en-recycled", "Tbilisi Times", "2024-04-05T07:00:00Z", "racha-en-agenda",
     title="Earthquake of magnitude 4.7 shakes western Georgia")
art("racha-en-civil", "quake-racha", "Civil Georgia", "en", "2024-02-20T11:00:00Z",
    "Racha earthquake damages old houses in Oni",
    "Several old houses in the Oni municipality were damaged by the magnitude 4.7 quake that hit Racha on February 20, local authorities said. Residents of Ambrolauri spent the morning outside their homes. Seismologist Nino Tsereteli said aftershocks of up to magnitude 3 were possible in the coming days.")
art("racha-ru-ng", "quake-racha", "Новости-Грузия", "ru", "2024-02-20T07:00:00Z",
    "Землетрясение магнитудой 4,7 произошло в Раче",
    "Землетрясение магнитудой 4,7 произошло во вторник утром в регионе Рача на западе Грузии. Эпицентр находился в 12 километрах к северу от Амбролаури. Подземные толчки ощущались в Кутаиси и Они. Данных о пострадавших нет.")
art("racha-ru-sputnik", "quake-racha", "Sputnik Грузия", "ru", "2024-02-20T12:00:00Z",
    "Жители Амбролаури выбежали на улицы после подземных толчков",
    "После землетрясения 20 февраля жители Амбролаури и Они провели утро на улице. Сейсмолог Нино Церетели предупредила о возможных афтершоках магнитудой до 3.")
art("racha-ka-ipn", "quake-racha", "ინტერპრესნიუსი", "ka", "2024-02-20T06:50:00Z",
    "რაჭაში 4,7 მაგნიტუდის მიწისძვრა მოხდა",
    "20 თებერვალს, დილის 08:14 საათზე, რაჭაში 4,7 მაგნიტუდის მიწისძვრა მოხდა. ილიას სახელმწიფო უნივერსიტეტის სეისმური მონიტორინგის ცენტრის ინფორმაციით, ეპიცენტრი ამბროლაურიდან 12 კილომეტრში მდებარეობდა. ბიძგები ქუთაისში, ტყიბულსა და ონში იგრძნობოდა.")
art("racha-ka-formula", "quake-racha", "ფორმულა", "ka", "2024-02-20T13:00:00Z",
    "ონში მიწისძვრამ ძველი სახლები დააზიანა",
    "ონის მუნიციპალიტეტში 20 თებერვლის მიწისძვრის შედეგად რამდენიმე ძველი საცხოვრებელი სახლი დაზიანდა. სეისმოლოგი ნინო წერეთელი არ გამორიცხავს 3 მაგნიტუდამდე განმეორებით ბიძგებს.")

# 8. Another earthquake six days later, elsewhere.
art("borjomi-en-agenda", "quake-borjomi", "Agenda.ge", "en", "2024-02-26T11:00:00Z",
    "Magnitude 3.9 earthquake recorded near Borjomi",
    "A magnitude 3.9 earthquake was recorded on Monday at 14:40 near Borjomi in the Samtskhe-Javakheti region, the Seismic Monitoring Centre said. The epicentre was 8 kilometres south-east of Borjomi at a depth of 15 kilometres. Tremors were felt in Akhaltsikhe and Khashuri. There were no reports of damage.")
art("borjomi-ru-ng", "quake-borjomi", "Новости-Грузия", "ru", "2024-02-26T11:30:00Z",
    "Землетрясение магнитудой 3,9 зафиксировано в районе Боржоми",
    "В понедельник в Самцхе-Джавахети зафиксировано землетрясение магнитудой 3,9. Эпицентр располагался в 8 километрах к юго-востоку от Боржоми. Толчки ощущались в Ахалцихе и Хашури. О разрушениях не сообщается.")
art("borjomi-ka-ipn", "quake-borjomi", "ინტერპრესნიუსი", "ka", "2024-02-26T11:10:00Z",
    "ბორჯომთან 3,9 მაგნიტუდის მიწისძვრა დაფიქსირდა",
    "26 თებერვალს, 14:40 საათზე, სამცხე-ჯავახეთში 3,9 მაგნიტუდის მიწისძვრა დაფიქსირდა. ეპიცენტრი ბორჯომიდან 8 კილომეტრში იყო. ბიძგები ახალციხესა და ხაშურში იგრძნობოდა.")

# 9. Kobakhidze in Brussels (23 April 2024).
art("brussels-en-civil", "kobakhidze-brussels", "Civil Georgia", "en", "2024-04-23T15:00:00Z",
    "Kobakhidze meets Michel and Borrell in Brussels",
    "Prime Minister Irakli Kobakhidze held talks in Brussels on April 23 with European Council President Charles Michel and EU foreign policy chief Josep Borrell. Michel said the foreign agents bill was not consistent with Georgia's EU path. Kobakhidze replied that the law was about transparency and promised to fulfil the nine steps set by the European Commission.")
art("brussels-en-oc", "kobakhidze-brussels", "OC Media", "en", "2024-04-23T18:20:00Z",
    "EU leaders warn Georgian PM over foreign agents bill",
    "Charles Michel and Josep Borrell told Irakli Kobakhidze during his visit to Brussels that the bill would harm Georgia's candidate status. Borrell said the EU was \"seriously concerned\". Kobakhidze said Georgia would join the European Union by 2030.")
art("brussels-ru-ekho", "kobakhidze-brussels", "Эхо Кавказа", "ru", "2024-04-23T16:00:00Z",
    "Кобахидзе в Брюсселе встретился с Мишелем и Боррелем",
    "Премьер-министр Грузии Ираклий Кобахидзе 23 апреля провел в Брюсселе встречи с председателем Европейского совета Шарлем Мишелем и главой дипломатии ЕС Жозепом Боррелем. Мишель заявил, что законопроект об иноагентах не соответствует европейскому пути Грузии.")
art("brussels-ru-sputnik", "kobakhidze-brussels", "Sputnik Грузия", "ru", "2024-04-23T19:00:00Z",
    "Кобахидзе пообещал вступление Грузии в ЕС к 2030 году",
    "Выступая в Брюсселе, Ираклий Кобахидзе заявил, что Грузия станет членом Евросоюза к 2030 году и выполнит девять шагов Еврокомиссии. Жозеп Боррель выразил серьезную обеспокоенность законопроектом.")
art("brussels-ka-ipn", "kobakhidze-brussels", "ინტერპრესნიუსი", "ka", "2024-04-23T15:30:00Z",
    "კობახიძე ბრიუსელში შარლ მიშელს და ჟოზეპ ბორელს შეხვდა",
    "პრემიერ-მინისტრი ირაკლი კობახიძე 23 აპრილს ბრიუსელში ევროპული საბჭოს პრეზიდენტ შარლ მიშელს და ევროკავშირის უმაღლეს წარმომადგენელს ჟოზეპ ბორელს შეხვდა. შეხვედრაზე ევროკომისიის ცხრა ნაბიჯის შესრულება განიხილეს.")
art("brussels-ka-publika", "kobakhidze-brussels", "პუბლიკა", "ka", "2024-04-23T19:40:00Z",
    "ბორელი: ევროკავშირი სერიოზულად შეშფოთებულია",
    "ჟოზეპ ბორელმა ირაკლი კობახიძესთან შეხვედრის შემდეგ განაცხადა, რომ ევროკავშირი კანონპროექტის გამო სერიოზულად შეშფოთებულია. კობახიძის თქმით, საქართველო ევროკავშირის წევრი 2030 წლისთვის გახდება.")

# 10. The Anaklia port tender (29 May 2024).
art("anaklia-en-civil", "anaklia", "Civil Georgia", "en", "2024-05-29T10:00:00Z",
    "Chinese consortium wins Anaklia port tender",
    "The Georgian government announced on May 29 that a consortium of China Communications Construction Company and China Harbour Investment had won the tender to build the Anaklia deep sea port on the Black Sea coast. The state will keep a 51 percent stake and the private partner will hold 49 percent. Economy Minister Levan Davitashvili said construction would begin in 2025.")
art("anaklia-en-oc", "anaklia", "OC Media", "en", "2024-05-29T14:00:00Z",
    "Anaklia port to be built by Chinese companies",
    "Levan Davitashvili told reporters that the Chinese-Singaporean consortium was the only bidder to meet all the conditions. Critics said handing Anaklia to a Chinese state company would undermine Georgia's Western orientation. The first phase is expected to cost $600 million.")
art("anaklia-ru-ng", "anaklia", "Новости-Грузия", "ru", "2024-05-29T10:30:00Z",
    "Строить порт Анаклия будет китайский консорциум",
    "Правительство Грузии 29 мая объявило победителя тендера на строительство глубоководного порта Анаклия. Им стал консорциум China Communications Construction Company. Государству будет принадлежать 51% акций, частному партнеру — 49%. По словам министра экономики Левана Давиташвили, строительство начнется в 2025 году.")
art("anaklia-ka-ipn", "anaklia", "ინტერპრესნიუსი", "ka", "2024-05-29T09:50:00Z",
    "ანაკლიის პორტს ჩინური კონსორციუმი ააშენებს",
    "საქართველოს მთავრობამ 29 მაისს ანაკლიის ღრმაწყლოვანი პორტის მშენებლობის ტენდერის გამარჯვებული დაასახელა. ეს არის ჩინური კომპანიების, China Communications Construction Company-ისა და China Harbour Investment-ის კონსორციუმი. სახელმწიფოს წილი 51 პროცენტი იქნება, კერძო პარტნიორის კი 49 პროცენტი. ეკონომიკის მინისტრის ლევან დავითაშვილის თქმით, მშენებლობა 2025 წელს დაიწყება.")
copy("anaklia-ka-formula", "ფორმულა", "2024-05-29T11:15:00Z", "anaklia-ka-ipn",
     title="ანაკლიის ტენდერში ჩინურმა კონსორციუმმა გაიმარჯვა", cut=1)
art("anaklia-ka-rfe", "anaklia", "რადიო თავისუფლება", "ka", "2024-05-29T16:00:00Z",
    "ანაკლიის პირველი ეტაპი 600 მილიონი დოლარი ეღირება",
    "დავითაშვილის განცხადებით, ჩინურ-სინგაპურული კონსორციუმი ერთადერთი იყო, ვინც ყველა პირობა დააკმაყოფილა. კრიტიკოსები მიიჩნევენ, რომ ანაკლიის ჩინური სახელმწიფო კომპანიისთვის გადაცემა საქართველოს დასავლურ კურსს ძირს უთხრის.")

# 11. Rugby (10 March 2024).
art("rugby-en-agenda", "rugby", "Agenda.ge", "en", "2024-03-10T20:00:00Z",
    "Georgia beat Portugal 36-17 to win Rugby Europe Championship",
    "Georgia won the Rugby Europe Championship for the seventh year in a row after beating Portugal 36-17 in the final in Paris on Sunday. Winger Davit Niniashvili scored two tries and captain Merab Sharikadze was named player of the match. Head coach Levan Maisashvili praised the team's defence.")
art("rugby-ru-sputnik", "rugby", "Sputnik Грузия", "ru", "2024-03-10T20:30:00Z",
    "Сборная Грузии по регби обыграла Португалию 36:17",
    "Сборная Грузии по регби в седьмой раз подряд выиграла чемпионат Европы, победив в финале в Париже Португалию со счетом 36:17. Две попытки занес Давит Ниниашвили, лучшим игроком матча признан капитан Мераб Шарикадзе.")
art("rugby-ka-formula", "rugby", "ფორმულა", "ka", "2024-03-10T20:10:00Z",
    "„ბორჯღალოსნებმა“ პორტუგალია 36:17 დაამარცხეს",
    "საქართველოს რაგბის ნაკრებმა ევროპის ჩემპიონატის ფინალში პარიზში პორტუგალია 36:17 დაამარცხა და ტიტული ზედიზედ მეშვიდედ მოიპოვა. ორი ლელო დავით ნინიაშვილმა გაიტანა, მატჩის საუკეთესო მოთამაშედ კაპიტანი მერაბ შარიქაძე დასახელდა.")
art("rugby-ka-ipn", "rugby", "ინტერპრესნიუსი", "ka", "2024-03-11T08:00:00Z",
    "ლევან მაისაშვილი: ფინალი ნაკრების დაცვამ გადაწყვიტა",
    "საქართველოს ნაკრების მთავარმა მწვრთნელმა ლევან მაისაშვილმა პორტუგალიასთან ფინალში გამარჯვების შემდეგ გუნდის დაცვა შეაქო და ნინიაშვილის ორი ლელო გამოარჩია.")

# 12. The National Bank's rate (12 June 2024).
art("rate-en-agenda", "nbg-rate", "Agenda.ge", "en", "2024-06-12T12:00:00Z",
    "National Bank of Georgia cuts refinancing rate to 8%",
    "The Monetary Policy Committee of the National Bank of Georgia decided on Wednesday to cut the refinancing rate by 0.25 percentage points to 8 percent. Annual inflation stood at 1.9 percent in May, below the 3 percent target, the bank said. The next committee meeting will be held on July 31.")
copy("rate-en-gt", "Georgia Today", "2024-06-12T14:00:00Z", "rate-en-agenda",
     add="Analysts at TBC Capital expect the rate to fall to 7.5 percent by the end of the year as inflation remains subdued.")
art("rate-ru-ng", "nbg-rate", "Новости-Грузия", "ru", "2024-06-12T12:20:00Z",
    "Нацбанк Грузии снизил ставку рефинансирования до 8%",
    "Комитет монетарной политики Национального банка Грузии в среду снизил ставку рефинансирования на 0,25 процентного пункта, до 8%. Годовая инфляция в мае составила 1,9% при целевом показателе 3%. Следующее заседание комитета состоится 31 июля.")
art("rate-ka-ipn", "nbg-rate", "ინტერპრესნიუსი", "ka", "2024-06-12T12:10:00Z",
    "ეროვნულმა ბანკმა რეფინანსირების განაკვეთი 8 პროცენტამდე შეამცირა",
    "საქართველოს ეროვნული ბანკის მონეტარული პოლიტიკის კომიტეტმა რეფინანსირების განაკვეთი 0,25 პროცენტული პუნქტით, 8 პროცენტამდე შეამცირა. მაისში წლიურმა ინფლაციამ 1,9 პროცენტი შეადგინა, რაც 3 პროცენტიან მიზნობრივ მაჩვენებელზე დაბალია.")
art("rate-ka-formula", "nbg-rate", "ფორმულა", "ka", "2024-06-12T15:00:00Z",
    "ეროვნული ბანკის კომიტეტი შემდეგ სხდომას 31 ივლისს გამართავს",
    "რეფინანსირების განაკვეთის 8 პროცენტამდე შემცირების შემდეგ ეროვნული ბანკის მონეტარული პოლიტიკის კომიტეტის შემდეგი სხდომა 31 ივლისს გაიმართება. მაისში წლიური ინფლაცია 1,9 პროცენტი იყო.")

# 13. Missiles on Kyiv (21 March 2024).
art("kyiv-en-reuters", "kyiv-attack", "Reuters", "en", "2024-03-21T05:00:00Z",
    "Russia launches massive missile attack on Kyiv",
    "Russia fired 31 missiles at Kyiv early on Thursday in the largest attack on the Ukrainian capital in weeks, Ukrainian officials said. Air defences shot down all the missiles, but falling debris injured 13 people and damaged homes and a kindergarten, Mayor Vitali Klitschko said. President Volodymyr Zelensky called on allies to speed up deliveries of air defence systems.")
copy("kyiv-en-cw", "Caucasus Watch", "2024-03-21T07:30:00Z", "kyiv-en-reuters",
     title="Kyiv hit by 31 Russian missiles overnight")
art("kyiv-ru-ekho", "kyiv-attack", "Эхо Кавказа", "ru", "2024-03-21T06:00:00Z",
    "Россия нанесла массированный ракетный удар по Киеву",
    "В ночь на четверг Россия выпустила по Киеву 31 ракету. По данным украинских властей, все ракеты были сбиты, однако от падения обломков пострадали 13 человек. Мэр Киева Виталий Кличко сообщил о повреждениях жилых домов и детского сада. Президент Владимир Зеленский призвал союзников ускорить поставки систем ПВО.")
art("kyiv-ka-ipn", "kyiv-attack", "ინტერპრესნიუსი", "ka", "2024-03-21T06:20:00Z",
    "რუსეთმა კიევს 31 რაკეტით შეუტია",
    "რუსეთმა ხუთშაბათს, გამთენიისას, კიევზე 31 რაკეტა გაუშვა. უკრაინის საჰაერო თავდაცვამ ყველა რაკეტა ჩამოაგდო, თუმცა ნამსხვრევების ჩამოვარდნის შედეგად 13 ადამიანი დაშავდა. კიევის მერის ვიტალი კლიჩკოს თქმით, დაზიანდა საცხოვრებელი სახლები და საბავშვო ბაღი.")
art("kyiv-ka-rfe", "kyiv-attack", "რადიო თავისუფლება", "ka", "2024-03-21T09:00:00Z",
    "ზელენსკი მოკავშირეებს საჰაერო თავდაცვის სისტემების მიწოდების დაჩქარებისკენ მოუწოდებს",
    "უკრაინის პრეზიდენტმა ვოლოდიმირ ზელენსკიმ კიევზე 31 რაკეტით განხორციელებული შეტევის შემდეგ დასავლელ პარტნიორებს საჰაერო თავდაცვის სისტემების მიწოდების დაჩქარებისკენ მოუწოდა.")

# 14. A fire at the Gldani market (5 March 2024).
art("gldani-en-agenda", "fire-gldani", "Agenda.ge", "en", "2024-03-05T08:30:00Z",
    "Fire breaks out at Gldani market in Tbilisi",
    "A fire broke out at a market in Tbilisi's Gldani district on Tuesday morning, the Emergency Management Service said. Forty firefighters and 12 fire engines were sent to the scene. Two people were taken to hospital with smoke inhalation. The fire destroyed about 30 stalls before it was put out.")
art("gldani-ru-ng", "fire-gldani", "Новости-Грузия", "ru", "2024-03-05T09:00:00Z",
    "В тбилисском районе Глдани горел рынок",
    "Во вторник утром на рынке в районе Глдани в Тбилиси произошел пожар. На место выехали 40 пожарных и 12 машин. Двое человек госпитализированы с отравлением дымом, огнем уничтожено около 30 торговых рядов.")
art("gldani-ka-ipn", "fire-gldani", "ინტერპრესნიუსი", "ka", "2024-03-05T08:40:00Z",
    "გლდანის ბაზარში ხანძარი გაჩნდა",
    "თბილისში, გლდანის ბაზარში, სამშაბათს დილით ხანძარი გაჩნდა. საგანგებო სიტუაციების მართვის სამსახურის ინფორმაციით, ადგილზე 40 მეხანძრე და 12 სახანძრო მანქანა მუშაობდა. კვამლით მოწამვლის გამო ორი ადამიანი საავადმყოფოში გადაიყვანეს.")
art("gldani-ka-formula", "fire-gldani", "ფორმულა", "ka", "2024-03-05T12:00:00Z",
    "გლდანში ხანძარმა 30 დახლი გაანადგურა",
    "გლდანის ბაზარში გაჩენილი ხანძრის შედეგად დაახლოებით 30 დახლი დაიწვა. ხანძრის გაჩენის მიზეზს გამოძიება ადგენს.")

# 15. A fire in Saburtalo (13 March 2024): another fire in Tbilisi, 8 days on.
art("saburtalo-en-agenda", "fire-saburtalo", "Agenda.ge", "en", "2024-03-13T20:00:00Z",
    "One dead in fire at Saburtalo apartment building",
    "One person died and four were injured in a fire at a nine-storey apartment building in Tbilisi's Saburtalo district on Wednesday night, the Emergency Management Service said. Firefighters evacuated 25 residents from the upper floors. The Interior Ministry has opened an investigation into the cause of the fire.")
art("saburtalo-ru-ng", "fire-saburtalo", "Новости-Грузия", "ru", "2024-03-13T20:30:00Z",
    "При пожаре в жилом доме в Сабуртало погиб человек",
    "В среду вечером в девятиэтажном жилом доме в тбилисском районе Сабуртало произошел пожар. Один человек погиб, четверо пострадали. Пожарные эвакуировали с верхних этажей 25 жильцов. МВД начало расследование.")
art("saburtalo-ka-ipn", "fire-saburtalo", "ინტერპრესნიუსი", "ka", "2024-03-13T20:15:00Z",
    "საბურთალოზე საცხოვრებელ კორპუსში ხანძარს ერთი ადამიანი ემსხვერპლა",
    "ოთხშაბათს საღამოს საბურთალოზე, ცხრასართულიან საცხოვრებელ კორპუსში ხანძარი გაჩნდა. ერთი ადამიანი დაიღუპა, ოთხი დაშავდა. მეხანძრეებმა ზედა სართულებიდან 25 მაცხოვრებელი გამოიყვანეს. შინაგან საქმეთა სამინისტრომ გამოძიება დაიწყო.")

# Stories of one article, beside the others in time and place.
art("opera-en", "opera", "Georgia Today", "en", "2024-05-02T10:00:00Z",
    "Tbilisi Opera opens its summer season with Tosca",
    "The Tbilisi Opera and Ballet Theatre opened its summer season with Puccini's Tosca on Thursday, with soprano Anita Rachvelishvili's former student Tamar Iveri in the title role. Tickets for the four performances sold out within a day.")
art("airport-ru", "batumi-airport", "Новости-Грузия", "ru", "2024-05-29T13:00:00Z",
    "В Батуми открылся новый терминал аэропорта",
    "В международном аэропорту Батуми открылся новый пассажирский терминал площадью 12 тысяч квадратных метров. По словам оператора TAV Georgia, аэропорт сможет обслуживать до двух миллионов пассажиров в год.")
art("school-ka", "kutaisi-school", "ფორმულა", "ka", "2024-02-21T09:00:00Z",
    "ქუთაისში ახალი სკოლა გაიხსნა",
    "ქუთაისში 600 მოსწავლეზე გათვლილი ახალი საჯარო სკოლა გაიხსნა. განათლების სამინისტროს ცნობით, შენობის მშენებლობა 9 მილიონი ლარი დაჯდა.")


def sentences(text):
    out, cur = [], ""
    for ch in text:
        cur += ch
        if ch in ".!?" and len(cur.strip()) > 3:
            out.append(cur)
            cur = ""
    if cur.strip():
        out.append(cur)
    return out


def main():
    by_id = {a[0]: a for a in A}
    rows = []
    for (i, story, outlet, lang, when, title, text) in A:
        rows.append({"id": i, "story": story, "outlet": outlet, "lang": lang,
                     "published": when, "title": title, "text": text,
                     "copy_of": None, "recycled_from": None})
    for (i, outlet, when, of, title, add, cut) in C:
        src = by_id[of]
        text = src[6]
        if cut:
            text = "".join(sentences(text)[:-cut]).strip()
        if add:
            text = text + "\n\n" + add
        recycled = when[:4] != src[4][:4] or int(when[5:7]) - int(src[4][5:7]) >= 2
        rows.append({"id": i, "story": src[1], "outlet": outlet, "lang": src[3],
                     "published": when, "title": title or src[5], "text": text,
                     "copy_of": of, "recycled_from": of if recycled else None})
    for r in rows:
        r["url"] = "https://%s/news/%s" % (OUTLETS[r["outlet"]], r["id"])
    rows.sort(key=lambda r: (r["published"], r["id"]))
    doc = {"description": "Articles about 15 events (and three alone) in English, Russian and "
                          "Georgian, with their story, near-copies and recycled copies; "
                          "made by make-labelled.py",
           "outlets": [{"name": n, "url": "https://%s/feed" % d} for n, d in OUTLETS.items()],
           "articles": rows}
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    n_copies = sum(1 for r in rows if r["copy_of"])
    n_recycled = sum(1 for r in rows if r["recycled_from"])
    print("%d articles, %d stories, %d near-copies (%d recycled)" %
          (len(rows), len({r["story"] for r in rows}), n_copies, n_recycled), file=sys.stderr)


main()
