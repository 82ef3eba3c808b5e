/* Stage 5, passages: which stretches are speech, their exact spans, kinds
 * and speakers, on articles composed for each pattern (tests/articles/
 * passages-*.txt, both scripts) and on short inputs; and behaviour on
 * pathological input (10,000 unclosed marks, a 50 MB paragraph). */
#include "passages.h"
#include "tests_common.h"

static lichang_lexicon *lx;

static void setup(void) {
  lichang_error err;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, &err), 0);
}
static void teardown(void) { lichang_lexicon_free(lx); }

typedef struct {
  const char *text;    /* the passage, exactly */
  const char *speaker; /* canonical name */
  lichang_quote_kind kind;
} want;
#define D LICHANG_DIRECT
#define I LICHANG_INDIRECT

/* Tags text and checks its passages against w[0..n), in order. */
static lichang_doc *expect(const char *text, const want *w, size_t n) {
  lichang_doc *doc = tag_with(lx, text);
  size_t got = lichang_doc_quote_count(doc);
  for (size_t i = 0; i < got; i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    char *s = span_text(text, lichang_quote_span(q));
    fprintf(stderr, "  got [%zu] %s | %s\n", i, lichang_quote_speaker(q), s);
    free(s);
  }
  ck_assert_uint_eq(got, n);
  for (size_t i = 0; i < n; i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    char *s = span_text(text, lichang_quote_span(q));
    ck_assert_str_eq(s, w[i].text);
    ck_assert_str_eq(lichang_quote_speaker(q), w[i].speaker);
    ck_assert_int_eq(lichang_quote_kind_of(q), w[i].kind);
    free(s);
  }
  return doc;
}

static void expect_article(const char *name, const want *w, size_t n) {
  char *text = read_article(name);
  lichang_doc_free(expect(text, w, n));
  free(text);
}
#define EXPECT(text, ...)                                                      \
  do {                                                                         \
    const want w_[] = {__VA_ARGS__};                                           \
    lichang_doc_free(expect(text, w_, sizeof w_ / sizeof *w_));                \
  } while (0)
#define EXPECT_NONE(text) lichang_doc_free(expect(text, NULL, 0))

/* Traditional, 「」: opening attribution with ： and a title, an indirect
 * lead running into a quote, a closing attribution, unnamed speech (網友),
 * a scare quote, and a quote left open across a paragraph break. */
START_TEST(sports_traditional) {
  const want w[] = {
      {"球員今天展現了很強的韌性，我們會帶著這股氣勢迎接決賽", "陳志豪", D},
      {"前三局打得太保守，「對手的投手很有壓制力，我們一開始真的沒有找到節奏",
       "林冠宇", D},
      {"這場勝利屬於所有在場邊加油的球迷", "林冠宇", D},
      {"決賽的對手實力更強，我們必須把防守做得更細。\n"
       "「只要大家保持專注，我相信我們有機會拿下冠軍",
       "陳志豪", D},
  };
  expect_article("passages-sports.txt", w, sizeof w / sizeof *w);
}
END_TEST

/* Simplified: 表示/指出/强调 after titles and organisations, a pronoun, a
 * negated verb, 告诉记者, 在…看来, 据…介绍, 有专家 (no passage) and an
 * organisation speaking. */
START_TEST(economy_simplified) {
  const want w[] = {
      {"国民经济持续恢复向好，高质量发展扎实推进", "刘爱华", I},
      {"消费对经济增长的贡献明显提升，但居民收入预期仍需改善", "赵宏伟", I},
      {"稳就业是扩大内需的关键", "赵宏伟", I},
      {"房地产市场已经见底", "赵宏伟", I},
      {"一线城市的成交量正在企稳", "赵宏伟", I},
      {"明年的政策重心将转向提振消费", "赵宏伟", I},
      {"四季度出口增速有望小幅回升", "孙丽", I},
      {"将继续实施积极的财政政策，加大对中小企业的支持力度", "财政部", I},
  };
  char *text = read_article("passages-economy.txt");
  lichang_doc *doc = expect(text, w, sizeof w / sizeof *w);
  /* 并不认为 X: the passage is X, flagged for the stance stage */
  for (size_t i = 0; i < lichang_doc_quote_count(doc); i++)
    ck_assert(lichang_doc_quote(doc, i)->negated == (i == 3));
  lichang_doc_free(doc);
  free(text);
}
END_TEST

/* Traditional, broken typography: first-person words before an
 * attribution sentence, a closing mark with no opening, marks lost before
 * 某某說。, an opening mark never closed. */
START_TEST(health_broken_typography) {
  const want w[] = {
      {"流感疫情已進入高峰期，民眾應儘速接種疫苗", "曾淑慧", I},
      {"我們觀察到今年的病毒株傳播力特別強，孩童和長者都要格外小心", "曾淑慧",
       D},
      {"目前疫苗供應充足", "曾淑慧", I},
      {"出現發燒症狀應立即就醫，不要自行服藥", "黃宗翰", I},
      {"很多家長以為孩子只是感冒，結果延誤了治療，這種情況每年都會發生",
       "黃宗翰", D},
      {"我認為未來兩週仍是關鍵，醫療量能必須提前準備", "黃宗翰", D},
      {"醫院已經啟動應變計畫，但人力仍然非常吃緊", "黃宗翰", D},
  };
  expect_article("passages-health.txt", w, sizeof w / sizeof *w);
}
END_TEST

START_TEST(scare_quotes_stay_in_text) {
  EXPECT_NONE("這家公司被外界稱為“獨角獸”，股價一度大漲。\n");
  EXPECT_NONE("市長把這項計畫叫做「城市的肺」。\n");
  /* a quoted word as the verb's object is no passage either */
  EXPECT_NONE("議員王建民批評「特權」，引發討論。\n");
}
END_TEST

START_TEST(unnamed_speech_is_no_passage) {
  EXPECT_NONE("有人认为，房价明年还会下跌。\n");
  EXPECT_NONE("很多網友表示，「這次的改革來得太晚了，大家都等了很久。」\n");
  EXPECT_NONE("業內人士指出，晶片短缺的問題短期內難以解決。\n");
  EXPECT_NONE("专家表示，今年冬天流感可能提前到来。\n");
}
END_TEST

START_TEST(closing_attribution_after_quote) {
  EXPECT("“今年的出口形势比预期要好，订单已经排到了明年三月。”张建国说。\n",
         {"今年的出口形势比预期要好，订单已经排到了明年三月", "张建国", D});
  EXPECT("「這個政策對年輕人買房幫助很大。」內政部長徐國勇表示。\n",
         {"這個政策對年輕人買房幫助很大", "徐國勇", D});
}
END_TEST

START_TEST(stray_closer_then_attribution) {
  /* …可能還是有點困難。」 某某表示，… */
  EXPECT("要在一年內追上對手的技術可能還是有點困難。」 吳志明表示，"
         "公司會繼續投入研發。\n",
         {"要在一年內追上對手的技術可能還是有點困難", "吳志明", D},
         {"公司會繼續投入研發", "吳志明", I});
}
END_TEST

START_TEST(straight_and_nested_quotes) {
  EXPECT("李娜表示：\"我们会尽全力去打好每一场比赛。\"\n",
         {"我们会尽全力去打好每一场比赛", "李娜", D});
  /* a quote inside a quote stays inside */
  EXPECT("張文華說：「教練告訴我『不要放棄』，所以我一直堅持到最後。」\n",
         {"教練告訴我『不要放棄』，所以我一直堅持到最後", "張文華", D});
}
END_TEST

START_TEST(same_speaker_sentences_merge) {
  EXPECT("王建平表示，今年的糧食產量創下新高。 但是，極端天氣的風險仍然存在，"
         "農民必須做好準備。\n",
         {"今年的糧食產量創下新高。 但是，極端天氣的風險仍然存在，"
          "農民必須做好準備",
          "王建平", I});
  /* narration about someone else ends the passage */
  EXPECT(
      "王建平表示，今年的糧食產量創下新高。農業部長陳吉仲隨後前往災區視察。\n",
      {"今年的糧食產量創下新高", "王建平", I});
}
END_TEST

START_TEST(frames_and_according_to) {
  EXPECT("在林書豪看來，球隊的防守還有很大的進步空間。\n",
         {"球隊的防守還有很大的進步空間", "林書豪", I});
  EXPECT("据该校校长周明介绍，新校区将于明年九月投入使用。\n",
         {"新校区将于明年九月投入使用", "周明", I});
  EXPECT("衛福部次長石崇良告訴本報，健保費率明年不會調整。\n",
         {"健保費率明年不會調整", "石崇良", I});
}
END_TEST

START_TEST(latin_names_and_titles) {
  EXPECT("世界卫生组织总干事Maria Santos表示，全球疫苗供应正在改善。\n",
         {"全球疫苗供应正在改善", "Maria Santos", I});
  EXPECT("蘋果公司執行長庫克強調：「隱私是基本人權。」\n",
         {"隱私是基本人權", "庫克", D});
}
END_TEST

/* Real-news shapes: a surnameless (transliterated) name, a byline, a
 * product that is no speaker, a subject nobody knows, a time clause, a
 * verb of disbelief, and a quotation closing its sentence. */
/* a statement or report speaks for the organisation named before it; an
 * outlet in 《》 speaks; a verb of praise or blame introduces speech only
 * before a comma, a colon or a quote; a short quote right after a verb is
 * what was said when it is a clause */
START_TEST(statements_outlets_and_clauses) {
  EXPECT("衛生部當天發表聲明。聲明還稱，流感疫情已得到有效控制。\n",
         {"流感疫情已得到有效控制", "衛生部", I});
  EXPECT("环境局周二发布报告。报告指出，今年全市空气质量明显改善。\n",
         {"今年全市空气质量明显改善", "环境局", I});
  EXPECT("《經濟日報》分析稱，央行下半年仍有升息空間。\n",
         {"央行下半年仍有升息空間", "經濟日報", I});
  EXPECT("据《华尔街日报》报道，这家车企计划明年在欧洲建厂。\n",
         {"这家车企计划明年在欧洲建厂", "华尔街日报", I});
  EXPECT_NONE("据媒体报道，这家车企计划明年在欧洲建厂。\n");
  EXPECT("據新華社報導，西部地區今年將新建三條高速鐵路。\n",
         {"西部地區今年將新建三條高速鐵路", "新華社", I});
  EXPECT("總教練陳志遠稱讚，這批新秀反應快，防守也很積極。\n",
         {"這批新秀反應快，防守也很積極", "陳志遠", I});
  EXPECT("市长刘建国批评：旧城改造进度太慢，居民等得太久。\n",
         {"旧城改造进度太慢，居民等得太久", "刘建国", D});
  EXPECT_NONE("總教練陳志遠稱讚新秀的表現。\n");
  EXPECT_NONE("市长刘建国批评了旧城改造的进度。\n");
  EXPECT("新华社报道说，这次地震造成至少十人死亡。\n",
         {"这次地震造成至少十人死亡", "新华社", I});
  EXPECT("市長林大華批評說交通局的方案太慢。\n",
         {"交通局的方案太慢", "林大華", I});
  EXPECT("投手王柏翰賽後受訪。他坦言「這一季真的很辛苦」。\n",
         {"這一季真的很辛苦", "王柏翰", D});
  EXPECT("选手李佳怡赛后接受采访。她直言“我们没有退路”。\n",
         {"我们没有退路", "李佳怡", D});
  EXPECT_NONE("他駁斥「假新聞」的說法。\n");
  /* an agency named by its office (處), a presidency (總統府) */
  EXPECT("市府交通處表示，明年將增設三條公車路線。\n",
         {"明年將增設三條公車路線", "交通處", I});
  EXPECT("南非總統府發表聲明稱，這項措施令人擔憂。\n",
         {"這項措施令人擔憂", "南非總統府", I});
  /* analysis, worry and petitions report a clause before a comma */
  EXPECT("研究員陳立文分析，對方的策略是先拖延再施壓。\n",
         {"對方的策略是先拖延再施壓", "陳立文", I});
  EXPECT("董事長林義德憂心，新制上路後中小企業將難以負擔。\n",
         {"新制上路後中小企業將難以負擔", "林義德", I});
  EXPECT("理事長林義德建請市府，停車費應維持現狀。\n",
         {"停車費應維持現狀", "林義德", I});
  EXPECT_NONE("研究員陳立文分析了對方的策略。\n");
}
END_TEST

START_TEST(news_shapes) {
  EXPECT("紅襪教頭法瑞爾卻不意外。法瑞爾說，春訓時就注意到他很認真。\n",
         {"春訓時就注意到他很認真", "法瑞爾", I});
  EXPECT("〔記者林文彬／台北報導〕經濟部長王美花昨天表示，電價今年不會調漲。\n",
         {"電價今年不會調漲", "王美花", I});
  EXPECT_NONE("iPhone銷量預計，今年將再創新高。\n");
  EXPECT_NONE("研究團隊表示：「這項發現將改變我們對氣候的理解。」\n");
  EXPECT("農業部長陳駿季致詞時說，稻米收購價格將提高。\n",
         {"稻米收購價格將提高", "陳駿季", I});
  EXPECT_NONE("林子偉驚喜到不敢相信，球隊隨即宣布他升上大聯盟。\n");
  EXPECT("教練史耐德表示，這批新人很有潛力，「只要肯努力，一定會有機會。」"
         "球隊下週將前往台南移地訓練。\n",
         {"這批新人很有潛力，「只要肯努力，一定會有機會", "史耐德", D});
  EXPECT("永瀨也說：「能讓演員安心發揮的環境，是很難得的事情。」\n",
         {"能讓演員安心發揮的環境，是很難得的事情", "永瀨", D});
  /* a title beginning on an organisation's last character */
  EXPECT("交通局長王義川說，電動公車對降低城市汙染很有幫助。他並透露，"
         "新路線也會使用電動公車。\n",
         {"電動公車對降低城市汙染很有幫助", "王義川", I},
         {"新路線也會使用電動公車", "王義川", I});
  /* a place after 在 is no speaker; 講解 is no 講 */
  EXPECT("李克强在贺信中表示，核能是安全高效的清洁能源。\n",
         {"核能是安全高效的清洁能源", "李克强", I});
  EXPECT_NONE("中央政治局的同志认真听取了讲解，并进行了讨论。\n");
  EXPECT_NONE("美媒称，这项协议将在下周签署。\n");
  /* a number of people is nobody named */
  EXPECT_NONE("有十八人預期央行升息，另外八人預測，央行將按兵不動。\n");
  /* a verb with a short object is no attribution */
  EXPECT_NONE("對於照片外洩造成的不良影響，歌手林宥嘉表示歉意。\n");
  /* marks lost around someone quoted: the words are the second speaker's */
  EXPECT(
      "老王一上来就说，房价明年一定会翻倍，我认为这种说法完全没有根据。 "
      "市场需求其实在下降，库存也越来越多。 李明说，年轻人买房要量力而行。\n",
      {"老王一上来就说，房价明年一定会翻倍，我认为这种说法完全没有根据。 "
       "市场需求其实在下降，库存也越来越多",
       "李明", D},
      {"年轻人买房要量力而行", "李明", I});
  /* plain narration after a passage is not carried into it */
  EXPECT("醫師黃建中說明，流感病毒今年變異得很快。衛生局昨天已經發出新一波的"
         "疫苗接種通知，請民眾多加留意。\n",
         {"流感病毒今年變異得很快", "黃建中", I});
}
END_TEST

START_TEST(many_unclosed_marks) {
  /* 10,000 opening marks never closed, in one paragraph and one per
   * paragraph: linear, one passage each time, sane spans. */
  lc_buf b = {0};
  ck_assert_int_eq(lichang__buf_puts(&b, "王明表示：「"), 0);
  for (int i = 0; i < 10000; i++)
    ck_assert_int_eq(lichang__buf_puts(&b, "今天的市場很熱絡，「"), 0);
  ck_assert_int_eq(lichang__buf_puts(&b, "\n"), 0);
  for (int i = 0; i < 10000; i++)
    ck_assert_int_eq(lichang__buf_puts(&b, "「投資人的信心正在恢復，\n"), 0);
  for (int i = 0; i < 10000; i++)
    ck_assert_int_eq(lichang__buf_puts(&b, "」"), 0);
  ck_assert_int_eq(lichang__buf_put(&b, "", 1), 0);
  lichang_doc *doc = tag_with(lx, b.data);
  ck_assert_uint_eq(lichang_doc_quote_count(doc), 1);
  const lichang_quote *q = lichang_doc_quote(doc, 0);
  ck_assert_str_eq(lichang_quote_speaker(q), "王明");
  lichang_span sp = lichang_quote_span(q);
  ck_assert_uint_eq(sp.start, strlen("王明表示：「"));
  ck_assert(sp.end > sp.start && sp.end <= b.len);
  lichang_doc_free(doc);
  lichang__buf_free(&b);
}
END_TEST

START_TEST(fifty_megabyte_paragraph) {
  /* One paragraph of 50 MB: an attribution, then a quote that never
   * closes. It finishes (a CTest TIMEOUT catches a hang) with one passage
   * running to the end. */
  const char *head = "王明表示：「";
  const char *body = "市場今天的交易量很大，投資人的信心正在恢復，";
  size_t blen = strlen(body), total = 50u << 20;
  lc_buf b = {0};
  ck_assert_int_eq(lichang__buf_puts(&b, head), 0);
  while (b.len + blen < total)
    ck_assert_int_eq(lichang__buf_put(&b, body, blen), 0);
  lichang_tagger *tg;
  lichang_error err;
  ck_assert_int_eq(lichang_tagger_new(&tg, lx, NULL, &err), 0);
  lichang_doc *doc = NULL;
  ck_assert_int_eq(lichang_tag(&doc, tg, b.data, b.len, &err), 0);
  ck_assert_uint_eq(lichang_doc_quote_count(doc), 1);
  lichang_span sp = lichang_quote_span(lichang_doc_quote(doc, 0));
  ck_assert_uint_eq(sp.start, strlen(head));
  ck_assert_uint_eq(sp.end, b.len - strlen("，"));
  lichang_doc_free(doc);
  lichang_tagger_free(tg);
  lichang__buf_free(&b);
}
END_TEST

START_TEST(wire_and_transcript_shapes) {
  /* the words before an attribution in its sentence lead into it */
  EXPECT("鄧明義說，主管機關捏造事實。此外，鄧明義也說，他曾寄信給對方。\n",
         {"主管機關捏造事實", "鄧明義", I}, {"他曾寄信給對方", "鄧明義", I});
  EXPECT("邓明义说，主管机关捏造事实。另外，邓明义还说，他曾写信给对方。\n",
         {"主管机关捏造事实", "邓明义", I}, {"他曾写信给对方", "邓明义", I});
  /* a quote, then its speaker's attribution running on; 來 in a name */
  EXPECT("趙文說，預算必須刪減。「這是最糟的一天！」陳來發批評，"
         "這項決定影響上百萬人。\n",
         {"預算必須刪減", "趙文", I},
         {"這是最糟的一天！", "陳來發", D},
         {"這項決定影響上百萬人", "陳來發", I});
  /* a term cited mid-clause is no passage */
  EXPECT_NONE("退休金的計算基準由「最後五年平均薪資」改為「最後十年平均薪資」。\n");
  EXPECT_NONE("计算基准由“最后五年平均工资”改为“最后十年平均工资”。\n");
  /* 談到「…」時表示: the time clause's verb is none; the sentence's
   * subject speaks after 時表示 */
  EXPECT("黃立成接受專訪，談到「不加稅、不舉債」時表示，財政缺口只能靠成長來補。\n",
         {"財政缺口只能靠成長來補", "黃立成", I});
  EXPECT("黄立成接受专访，谈到“不加税、不举债”时表示，财政缺口只能靠增长来补。\n",
         {"财政缺口只能靠增长来补", "黄立成", I});
  /* a place after 於 is no name: the sentence's subject speaks */
  EXPECT("蔡明德在巡演途中，於巴黎接受記者訪問時說，他專注在教學上。\n",
         {"他專注在教學上", "蔡明德", I});
  EXPECT("蔡明德在巡演途中，于巴黎接受记者采访时说，他专注在教学上。\n",
         {"他专注在教学上", "蔡明德", I});
  /* 著作權律師: a word's last character and a title are nobody */
  EXPECT_NONE("後來，著作權律師告訴他們，這個形象早就深植人心。\n");
  /* 它 is a thing, not a speaker */
  EXPECT_NONE("新華社發布報導。它清晰界定了雙方的關係，表明兩國不是對手。\n");
  /* a quoted term opening the reported clause */
  EXPECT("王志遠在會上強調「共同富裕」之所以重要，就在於它關乎每個家庭。\n",
         {"共同富裕」之所以重要，就在於它關乎每個家庭", "王志遠", I});
  EXPECT_NONE("王志遠駁斥「權威」的說法。\n");
  /* a modal 會 after a function word closes no organisation's name
   * (小朋友就會…), but 教育廳 and 規劃局長 still speak */
  EXPECT_NONE("許多小朋友從小在家裡就會聽長輩說起哪位親戚是國手。\n");
  EXPECT_NONE("许多小朋友从小在家里就会听长辈说起哪位亲戚是国手。\n");
  EXPECT("教育廳指出，新學期將增加補助。\n",
         {"新學期將增加補助", "教育廳", I});
  EXPECT("规划局长表示，新路线明年通车。\n",
         {"新路线明年通车", "规划局", I});
  EXPECT("住房与城乡建设部表示，新规定明年实施。\n",
         {"新规定明年实施", "住房与城乡建设部", I});
  EXPECT("社會局回應，補助將如期發放。\n", {"補助將如期發放", "社會局", I});
  EXPECT("北市都更處表示，案件仍在審查中。\n",
         {"案件仍在審查中", "北市都更處", I});
  /* a listed organisation right after a verb is its object */
  EXPECT("鄧明義說，預算送進立法院之時回應即可，不必拖延。\n",
         {"預算送進立法院之時回應即可，不必拖延", "鄧明義", I});
  /* 提出 with an object proposes; 回憶 and 謙稱 with a comma report */
  EXPECT_NONE("2015年春天，国家主席李明先后在两国提出共建经济走廊的重大倡议。\n");
  EXPECT("經理許美玲回憶，當時團隊投遞的計畫全都落選。\n",
         {"當時團隊投遞的計畫全都落選", "許美玲", I});
  EXPECT("经理许美玲回忆，当时团队投递的计划全都落选。\n",
         {"当时团队投递的计划全都落选", "许美玲", I});
  EXPECT("編舞家林志豪謙稱自己只懂舞蹈，別無他想。\n",
         {"自己只懂舞蹈，別無他想", "林志豪", I});
  /* 據…報導 only relays the source: the words are the next speaker's, and
   * an unnamed one's (救護車駕駛表示) are no passage */
  EXPECT_NONE("據《聯合時報》報導，救護車駕駛表示，當天要送一名患者到醫院。\n");
  EXPECT("据《联合时报》报道，市长王建民表示，新医院明年开业。\n",
         {"新医院明年开业", "王建民", I});
  /* but a source the speaker cites is the speaker's words */
  EXPECT("教授莊明哲說，據實驗資料指出，藥物可以抑制腫瘤。\n",
         {"據實驗資料指出，藥物可以抑制腫瘤", "莊明哲", I});
  /* quotes after an unnamed group, in a list, are theirs */
  EXPECT_NONE("消息傳出後，網友更加火大，留言批評「這種說法太離譜啦」、"
              "「是要說你們的車隔音很好嗎」、「後照鏡是裝飾嗎？」。\n");
  /* narration citing a source between one speaker's passages, 我國 in it
   * being the narrator's country, not a speaker's "I" */
  EXPECT("馬書婷說，升息並不意外。按央行之前的說法，相較主要國家，台灣利率水準"
         "尚屬適當，我國實質利率仍為負。馬書婷認為，菲律賓最可能跟進升息。\n",
         {"升息並不意外", "馬書婷", I}, {"菲律賓最可能跟進升息", "馬書婷", I});
  /* 曾 before a common word is "once", no surname */
  EXPECT("曾準確預測匯率走勢的銀行分析師陳仲明認為，央行明年才會升息。\n",
         {"央行明年才會升息", "陳仲明", I});
  /* a quoted phrase the sentence goes on to talk about is no passage */
  EXPECT_NONE("近年來，「誰才是正牌的？」就不斷引發爭端。\n");
  EXPECT_NONE("近年来，“谁才是正版的？”就不断引发争议。\n");
  /* 編舞者 before a name stands like a title: 他 is that person */
  EXPECT("編舞者蔡明豐12歲起接觸舞蹈。他謙稱自己只懂舞蹈，別無他想。\n",
         {"自己只懂舞蹈，別無他想", "蔡明豐", I});
  /* the speaker named after the words, a comma before: …，某某表示。 */
  EXPECT("今年的出口表現將優於預期，經濟部長王美玲表示。\n",
         {"今年的出口表現將優於預期", "王美玲", I});
  EXPECT("今年经济增长将好于预期，统计局发言人付立新说。\n",
         {"今年经济增长将好于预期", "付立新", I});
  /* not a clause that says more than who speaks */
  EXPECT_NONE("依規定，權責機關須在二個月內回應。\n");
  /* 社會預期, 總結 as nouns: no attribution */
  EXPECT_NONE("切实增强经济活力、改善社会预期，巩固经济回升向好态势。\n");
  EXPECT_NONE("目前，工程处在收官总结与规划部署同步进行阶段。\n");
  /* a place after 在 is no speaker; 知事 is a title */
  EXPECT("石川縣知事林浩然今天在縣災害對策本部會議上宣布，全縣進入緊急狀態。\n",
         {"全縣進入緊急狀態", "林浩然", I});
  /* 介紹 with an object introduces no speech; with a comma it does */
  EXPECT_NONE("新闻办公室今天举行发布会，介绍北斗系统的发展成就。\n");
  EXPECT("站長陳立人介紹，新站明年啟用。\n", {"新站明年啟用", "陳立人", I});
  /* 和 right before the verb ends a given name */
  EXPECT("里長蘇益和表示，俱樂部增設許多設施。\n",
         {"俱樂部增設許多設施", "蘇益和", I});
  /* a clause with a subject of its own, unknown, borrows none */
  EXPECT_NONE("林子偉驚喜萬分，球隊隨即宣布他升上大聯盟。\n");
}
END_TEST

/* Organisations named through their branches, alliances and the 該 that
 * stands for them; foreign titles and names. */
START_TEST(organisations_and_foreign_titles) {
  /* a title that starts inside a longer word and runs past it (中學校 and
   * 校長) is the title: 中學|校長王大明 */
  EXPECT("明德中學校長王大明表示，歷史應成為必修科目。\n",
         {"歷史應成為必修科目", "王大明", I});
  /* a delegation or a mission speaks as a body */
  EXPECT("湖北代表团表示，将继续推动中部崛起。\n",
         {"将继续推动中部崛起", "湖北代表团", I});
  /* 但 with no comma opens a new clause: its subject speaks, not the
   * organisation before it */
  EXPECT("院方否認打壓急診但陳大明昨表示，他在醫院服務三十年，如今卻被追訴。\n",
         {"他在醫院服務三十年，如今卻被追訴", "陳大明", I});
  /* a country and how many times it acted, then the verb: it speaks */
  EXPECT("美国第三次宣布将退出某国际组织\n",
         {"将退出某国际组织", "美国", I});
  /* an estimate voiced is a forecast */
  EXPECT("學者陳大明昨天受訪。他估計，若按現在的政策，十年內房價還會上漲。\n",
         {"若按現在的政策，十年內房價還會上漲", "陳大明", I});
  /* 對此 with no comma opens the clause and names no one */
  EXPECT("前主任陳大明被免職。對此勞動部昨證實有二十二人請辭，但並無財務考量。\n",
         {"有二十二人請辭，但並無財務考量", "勞動部", I});
  /* a sports body by its short form; a chief investment officer's name */
  EXPECT("客隊今天趕不及記者會，中華足協表示，目前賽程仍依照計畫進行。\n",
         {"目前賽程仍依照計畫進行", "中華足協", I});
  EXPECT("某银行美洲区首席投资官马尔切利说，美国经济可能陷入衰退。\n",
         {"美国经济可能陷入衰退", "马尔切利", I});
  /* 應某國要求， is at someone's request: the body after it held the
   * meeting whose statement speaks (應 is a surname too) */
  EXPECT("应伊朗要求，南亚合作组织7日召开特别会议。会议发表声明说，以色列应承担"
         "全部责任。\n",
         {"以色列应承担全部责任", "南亚合作组织", I});
  /* a retailer by the trade its name ends in */
  EXPECT("大方超商也表示，今年消費者使用行動支付的數量大幅成長。\n",
         {"今年消費者使用行動支付的數量大幅成長", "大方超商", I});
  /* a branch right after its organisation: the whole name speaks, and
   * 並表示 with no subject of its own borrows it */
  EXPECT("南方武装部队总参谋部12日称，部队在边境地区击落三架无人机，"
         "并表示将继续加强防空。\n",
         {"部队在边境地区击落三架无人机", "南方武装部队总参谋部", I},
         {"将继续加强防空", "南方武装部队总参谋部", I});
  /* 哈 opens foreign names; 助理 is a title */
  EXPECT("总统哈丽娜表示，两国友谊历久弥新。\n",
         {"两国友谊历久弥新", "哈丽娜", I});
  EXPECT("总统助理穆拉托夫表示，双方将成立工作组。\n",
         {"双方将成立工作组", "穆拉托夫", I});
  /* an alliance speaks, and 該聯盟 stands for it */
  EXPECT("台灣溼地保育聯盟今天表示，開發案應暫緩。該聯盟也表示，將提出行政訴訟。\n",
         {"開發案應暫緩", "台灣溼地保育聯盟", I},
         {"將提出行政訴訟", "台灣溼地保育聯盟", I});
  EXPECT("八十多歲的廟公陳阿土今天表示，縣府答應讓他續住。\n",
         {"縣府答應讓他續住", "陳阿土", I});
}
END_TEST

/* Countries (people.txt, place): they speak as the subject of an
 * attribution, alone or by a headline's one-character form, and a branch
 * after them is theirs; before other words they only qualify them, and in
 * the narration they are no one a bare quote belongs to. */
START_TEST(countries_speak_only_in_attributions) {
  EXPECT("伊朗6日称，美军行动是为窃取浓缩铀。\n",
         {"美军行动是为窃取浓缩铀", "伊朗", I});
  EXPECT("美国国务院当天发表声明说，双方同意建立磋商机制。\n",
         {"双方同意建立磋商机制", "美国国务院", I});
  EXPECT("俄称击落多架无人机 乌称多地战斗持续\n",
         {"击落多架无人机", "俄", I}, {"多地战斗持续", "乌", I});
  EXPECT_NONE("其中，美国明年经济增长预期为1.8%。\n");
  EXPECT_NONE("報導指出，美國官員認為談判陷入僵局。\n");
  EXPECT_NONE("雙方隨後簽署協議，以回應外界關切。\n");
  EXPECT("教練陳大文今天抵達加拿大。\n「我們還有很多要學，也會全力以赴。」\n",
         {"我們還有很多要學，也會全力以赴", "陳大文", D});
}
END_TEST

/* Chained acts of saying and the stance said as an object. */
START_TEST(chained_verbs_and_feelings) {
  /* 對X表示震驚: the feeling said is a passage from 對 on; a verb after
   * the comma with no subject borrows the titled speaker */
  EXPECT("秘书长发言人赵明远6日对美方的言论表示震惊，"
         "强调任何针对民用设施的攻击都违反国际法。\n",
         {"对美方的言论表示震惊", "赵明远", I},
         {"任何针对民用设施的攻击都违反国际法", "赵明远", I});
  EXPECT("外交部发言人李华对此表示欢迎。\n", {"对此表示欢迎", "李华", I});
  /* 鬆口 says, 訴求， demands; a draft speaks for the body that tabled it */
  EXPECT("前局長張明德致詞時首度鬆口：「我一定會選！」\n",
         {"我一定會選！", "張明德", D});
  EXPECT("綠色生活聯盟訴求，應全面禁止塑膠吸管。\n",
         {"應全面禁止塑膠吸管", "綠色生活聯盟", I});
  EXPECT("議會環境委員會14日提交草案指出，開發案違法。該草案呼籲政府撤回協議。\n",
         {"開發案違法", "環境委員會", I}, {"政府撤回協議", "環境委員會", I});
  /* a dateline's source in an aside is no body a document speaks for */
  EXPECT_NONE("本台消息（晚間新聞）：大會報告提出要「加快建設數位政府」。\n");
  /* a verb inside an aside names a place, it attributes nothing */
  EXPECT("國防部表示，共軍船艦在東引外海（日方稱北方海域）集結，國軍持續監控。\n",
         {"共軍船艦在東引外海（日方稱北方海域）集結，國軍持續監控", "國防部", I});
  /* a time clause ending in 時 names nobody (敬酒時 is no name) */
  EXPECT_NONE("典禮結束。敬酒時透露將參選市長。\n");
  /* ... the one named before it speaks, across the spaces scraped links
   * leave around a name */
  EXPECT("部長王大明表示，傾向和 印尼 合作。然而，立委 林美華 今天質詢時指出，"
         "採購法不准買二手設備。\n",
         {"傾向和 印尼 合作", "王大明", I}, {"採購法不准買二手設備", "林美華", I});
  /* a sentence opening with 並 goes on with the last sentence's subject */
  EXPECT("研究員林志遠指出，政府應當增強防禦能力。並呼籲國會盡快通過預算。\n",
         {"政府應當增強防禦能力", "林志遠", I}, {"國會盡快通過預算", "林志遠", I});
  /* a verb of blame takes the one blamed and then the quote (直批張「…」);
   * a verb that takes plain objects keeps a quoted term as one (提出「積
   * 極改革」版) */
  EXPECT("立委林美華直批部長「政府聲望就是被你這種官敗壞的。」\n",
         {"政府聲望就是被你這種官敗壞的", "林美華", D});
  EXPECT("立委段志明則提出「積極改革」版，主張兩年內退場。\n",
         {"兩年內退場", "段志明", I});
  /* a byline's bracket ends a passage (a subtitle run into the byline);
   * a surname alone there is the person of that surname named after */
  EXPECT("公職黨職 段稱也不出任〔記者王小明／台北報導〕立委段志明昨天宣布，不再參選。\n",
         {"也不出任", "段志明", I}, {"不再參選", "段志明", I});
  /* a condition (若, 如果) is no act of saying: the speaker goes on */
  EXPECT("議員王志明說，歡迎新人參選。張大同若宣布參選，黨部將協調人選。\n",
         {"歡迎新人參選。張大同若宣布參選，黨部將協調人選", "王志明", I});
  /* after a semicolon the speaker goes on, plain sentence or not */
  EXPECT("協會秘書長周文達指出，塑膠袋難以分解，焚燒會產生毒氣；"
         "且回收率偏低，各地垃圾場都是塑膠袋，希望政府全面禁用。\n",
         {"塑膠袋難以分解，焚燒會產生毒氣；且回收率偏低，各地垃圾場都是塑膠袋，"
          "希望政府全面禁用",
          "周文達", I});
  /* the feeling may stand in quote marks (對X表示「震驚」) */
  EXPECT("衛生署長林志明對疫苗延遲到貨表示「遺憾」，要求廠商盡快說明。\n",
         {"對疫苗延遲到貨表示「遺憾」，要求廠商盡快說明", "林志明", I});
  /* 他還表示 is a further statement, not the argument going on */
  EXPECT("卫生部长陈立说，疫情趋缓，他还表示下周将放宽管制。\n",
         {"疫情趋缓", "陈立", I}, {"下周将放宽管制", "陈立", I});
  /* a verb in a list of deeds, or in a time clause, attributes nothing */
  EXPECT_NONE("市議員汪美玲發現空氣品質已達紅色警戒，但市府未適時提醒、宣導，"
              "放任民眾暴露在空汙中。\n");
  EXPECT_NONE("教授林大同接受專訪，回答主持人提問時，以不當言詞回應，遭到解聘。\n");
  /* a quote after a colon is said, however short */
  EXPECT("村長黃阿明今天表示：「會搬。」\n", {"會搬", "黃阿明", D});
  /* a surname and a character before 會 are a council's stem */
  EXPECT("根據國發會報告，國發會認為景氣持續復甦。\n",
         {"景氣持續復甦", "國發會", I});
  /* a next paragraph with no attribution, in the first person, goes on
   * in the voice of a passage that ran to its paragraph's end; plain
   * narration after it does not */
  EXPECT("發言人王大明表示，這項政策已經實施多年，成效良好。\n"
         "我們會繼續檢討，也歡迎各界提出建議，讓制度更完善。\n"
         "會議結束後，代表團前往南部參訪。\n",
         {"這項政策已經實施多年，成效良好", "王大明", I},
         {"我們會繼續檢討，也歡迎各界提出建議，讓制度更完善", "王大明", D});
  EXPECT("發言人王大明表示，這項政策已經實施多年，成效良好。\n"
         "今年的預算已經送進立法院審查，預計下月完成三讀程序。\n",
         {"這項政策已經實施多年，成效良好", "王大明", I});
  /* people named together speak together: all of them, as written */
  EXPECT("立委王大明、林小華雙雙表態，支持這項法案。\n",
         {"支持這項法案", "王大明、林小華", I});
  EXPECT("張志強和林小華都表示，這項法案應該盡快通過。\n",
         {"這項法案應該盡快通過", "張志強和林小華", I});
  /* but a name after 與 in a time clause is whom the speaker met */
  EXPECT("部長王大明與林小華會面時表示，雙方合作良好。\n",
         {"雙方合作良好", "王大明", I});
  /* 舉例，… gives an example; titles after 多位 vouch for no name */
  EXPECT("院長李學文舉例，周六看診的患者多為輕症。\n",
         {"周六看診的患者多為輕症", "李學文", I});
  EXPECT_NONE("多位交通專家持平指出，軌道是國家基本建設。\n");
  /* a colon after a clause that is only its speaker says what follows
   * (headlines, transcripts; ︰ as Taiwanese papers write it); not a
   * label, a time, or a run of characters the name rules do not take */
  EXPECT("衛福部︰不可強制民眾接種\n", {"不可強制民眾接種", "衛福部", D});
  EXPECT("市議員林美華：「這條路早該修了。」\n",
         {"這條路早該修了", "林美華", D});
  EXPECT_NONE("原因：天氣太熱，施工延後。\n發稿：07:20 更新：15:08\n");
  /* nor a place in a results table; a winner named after it speaks */
  EXPECT_NONE("少棒賽結果如下。冠軍：台北市。亞軍：高雄市。季軍：台中市。\n");
  EXPECT("冠軍王大明賽後表示，這是最難忘的一戰。\n",
         {"這是最難忘的一戰", "王大明", I});
  /* a headline's part after a space may be its speaker and a colon; a
   * surname and a title there (蘇揆) is the person of that surname named
   * after it */
  EXPECT("長照服務擴大 蘇揆:盼地方共同推動\n行政院院長蘇明哲今天表示，長照預算將增加。\n",
         {"盼地方共同推動", "蘇明哲", D}, {"長照預算將增加", "蘇明哲", I});
  /* a headline's unnamed role is the one the article names next with it */
  EXPECT("荷蘭分析人士：關稅將傷害歐洲\n荷蘭分析人士范德文表示，關稅將傷害歐洲出口。\n",
         {"關稅將傷害歐洲", "范德文", D},
         {"關稅將傷害歐洲出口", "范德文", I});
  /* a quoted event's name in a time clause is no speech, however long */
  EXPECT("院長王大明出席「偏鄉醫療網絡暨長期照護服務轉銜團隊成果發表會」時表示，"
         "政府將持續支持偏鄉醫療。\n",
         {"政府將持續支持偏鄉醫療", "王大明", I});
  /* asides do not count against the clause's length, and a quoted name
   * may have one after it */
  EXPECT("對此美國智庫「亞洲安全研究中心」（Asia Security Research Center）"
         "研究員史密斯（John Smith）今天在「時代評論」（The Times Review）"
         "撰文指出，區域局勢仍然緊張。\n",
         {"區域局勢仍然緊張", "史密斯", I});
  /* a comma inside an aside (a name in Latin letters) ends no clause, and
   * an unnamed role right before a name is that person's */
  EXPECT("知名環保人士林大偉（Lin Da-wei，音譯）說，河川整治成效有限。\n",
         {"河川整治成效有限", "林大偉", I});
  /* a verb with no subject borrows a titled name only if it is surely a
   * name (卡茨, a short foreign one), not a word after a title (離職潮) */
  EXPECT("國防部長卡茨18日稱，以軍打擊了兩座橋梁，並稱這兩座橋梁被用來運送武器。\n",
         {"以軍打擊了兩座橋梁", "卡茨", I},
         {"這兩座橋梁被用來運送武器", "卡茨", I});
  EXPECT_NONE("市立醫院爆發急診醫師離職潮，今日工會將矛頭轉向院方，"
              "表示餐廳如果只賣白飯不會賺錢。\n");
  /* 的說 with a quote or a comma after it is 地說; 的解釋 a noun */
  EXPECT("前局長王大明也不諱言的說「過去的規劃都太保守了。」\n",
         {"過去的規劃都太保守了", "王大明", D});
  EXPECT_NONE("根據有關問題的解釋，適當降低量刑標準。\n");
  /* a spokesman's answer goes on past sentences the passage did not take
   * (a side named in them is no narration); a closed quotation ends it */
  EXPECT("發言人王大明表示，日方的言論嚴重違背承諾。在中方提出交涉後，日方仍拒不撤回。\n"
         "我們正告日方，必須立即停止挑釁，否則後果自負。\n",
         {"日方的言論嚴重違背承諾", "王大明", I},
         {"我們正告日方，必須立即停止挑釁，否則後果自負", "王大明", D});
  EXPECT("王大明說：「這項政策成效良好。」\n"
         "我們明年會繼續推動這項政策的各項細節與配套。\n",
         {"這項政策成效良好", "王大明", D});
  /* nor a paragraph where someone else speaks */
  EXPECT("發言人王大明表示，這項政策已經實施多年，成效良好。\n"
         "大家表示，我們都支持這項政策的方向與做法。\n",
         {"這項政策已經實施多年，成效良好", "王大明", I});
}
END_TEST

/* The cue scan tells a sentence's start with one test for Han
 * (attribution.c, opens_sentence_fast): above U+3002 only U+FF61 may be a
 * space or end a sentence. */
START_TEST(sentence_marks_below_3003) {
  for (uint32_t c = 0x3003; c < 0x110000; c++)
    if (c != 0xFF61)
      ck_assert_msg(!is_space(c) && !is_sent_end(c), "U+%04X", c);
}
END_TEST

/* Verbs of blame introduce speech as other verbs of saying do, two or one
 * characters (砲轟：「…」, 痛罵部長「…」, 嗆對手「…」, 酸「…」); in the
 * passive the subject is the one blamed (遭議員嗆「…」, 被…爆料), not who
 * speaks, unless the passive only describes the speaker or sits in a time
 * clause; a one-character verb closing a word (充斥) and each blaming the
 * other (互嗆) say nothing. */
START_TEST(blame_verbs_and_passive) {
  EXPECT("議員王志明今天砲轟：「市府的防疫根本失敗。」\n",
         {"市府的防疫根本失敗", "王志明", D});
  EXPECT("立委林美華痛罵部長「這種官不要也罷。」\n",
         {"這種官不要也罷", "林美華", D});
  EXPECT("台中市民張姓婦人則酸「蓋了捷運，大家更買不起房子！」\n",
         {"蓋了捷運，大家更買不起房子！", "張姓婦人", D});
  EXPECT("市長張大同遭議員嗆「下台」，張大同回應，他會負責到底。\n",
         {"他會負責到底", "張大同", I});
  EXPECT_NONE("經理李文華被多位同業爆料，私下接受招待。\n");
  EXPECT("遭到制裁威脅的伊朗外交部18日發表聲明稱，這項政策破壞雙邊關係。\n",
         {"這項政策破壞雙邊關係", "外交部", I});
  EXPECT("學者黃立德被記者問到此事時表示，還要再研究。\n",
         {"還要再研究", "黃立德", I});
  EXPECT_NONE("市府冗員充斥，預算浪費嚴重。\n");
  EXPECT("兩人持續互嗆，林美華說「這是最後一次」。\n",
         {"這是最後一次", "林美華", D});
  /* 點出 says what follows, as 指出 does */
  EXPECT("研究員李大偉昨點出台灣發展電動車具有三大機會。\n",
         {"台灣發展電動車具有三大機會", "李大偉", I});
  /* 指，… says what follows; 今 and 昨 after a surname are the day, not a
   * given name (林昨指，…) */
  EXPECT("總統林美華在中常會指，改革是重大工程，政府必須承擔責任。\n",
         {"改革是重大工程，政府必須承擔責任", "林美華", I});
  EXPECT("議員梁大同出席記者會。梁昨指，相關費用都由他自己支付。\n",
         {"相關費用都由他自己支付", "梁大同", I});
  /* what someone told the speaker (向我表示) stays in the speaker's passage */
  EXPECT("店長王大明辯稱，他只要員工把貨退回，沒有要求銷毀，林向我表示是否要"
         "銷毀，是開玩笑的口吻，我沒有當真。\n",
         {"他只要員工把貨退回，沒有要求銷毀，林向我表示是否要銷毀，是開玩笑的口吻，"
          "我沒有當真",
          "王大明", I});
  /* a clause opening with a verb of saying names no one (控某某涉弊案):
   * the verb after it goes on with the sentence's subject, a date before
   * that subject or not */
  EXPECT("2014年立委段志明開記者會，控議員林小華涉入弊案，還說若查無不法，他願"
         "公開道歉。\n",
         {"議員林小華涉入弊案", "段志明", I},
         {"若查無不法，他願公開道歉", "段志明", I});
  /* a law's text quoted after its article is no one's words, whoever
   * speaks after it */
  EXPECT("教授林小華受訪。裁罰紀錄顯示，廠商違反安全法第12條，「雇主應提供"
         "必要之防護設備。」林小華指出，罰款太輕。\n",
         {"罰款太輕", "林小華", I});
  /* a quoted term before a plain word qualifies it and names no one; the
   * person named before speaks */
  EXPECT("議員洪美華接受「罷免」議題採訪指，對方支持核廢料進口。\n",
         {"對方支持核廢料進口", "洪美華", I});
  /* whom a verb of saying names after it is its object, not who speaks
   * (the one blaming here is unnamed) */
  EXPECT_NONE("被告發言時動怒，指責律師王大明不能因此就稱軍方是「犯罪集團」。\n");
}
END_TEST

/* A surname alone stands for the person of that surname named before,
 * with adverbs after it (陳隨即表示, 林則向記者表示, 王昨在臉書貼文說);
 * a surname and a common word are no name (柯意有所指地說, 段接受…詢問);
 * a third given character stays in the name before a word of time (鍾小平
 * 日前) and as 各 (方濟各); a surname, 姓 and two titles are one person. */
START_TEST(short_names_and_words_after_them) {
  EXPECT("立委柯建銘昨天出席記者會。柯意有所指地說，有人想要搶功勞。\n",
         {"有人想要搶功勞", "柯建銘", I});
  EXPECT("班長陳大同在庭上受審。陳隨即表示「我沒有意見」。\n",
         {"我沒有意見", "陳大同", D});
  EXPECT("議員段志明昨天出席會議。段接受《晨報》詢問時僅說：「就這樣。」\n",
         {"就這樣", "段志明", D});
  EXPECT("立委段志明出席記者會。段還強調，任內要完成年金改革。\n",
         {"任內要完成年金改革", "段志明", I});
  EXPECT("市長林佳華出席活動。林則向記者表示，預算不會刪減。\n",
         {"預算不會刪減", "林佳華", I});
  EXPECT("立委王小明昨天開記者會。王昨在臉書貼文說，他不會再參選。\n",
         {"他不會再參選", "王小明", I});
  EXPECT("天主教教宗方濟各今天在梵蒂岡表示，各國應該和平共處。\n",
         {"各國應該和平共處", "方濟各", I});
  EXPECT("市議員鍾小平日前表示：「我會千刀萬里追！」\n",
         {"我會千刀萬里追！", "鍾小平", D});
  EXPECT("陳姓中士班長在庭上辯稱，他只是開玩笑。\n",
         {"他只是開玩笑", "陳姓中士班長", I});
  /* people named by surname, 姓 and role in a list, before they speak:
   * a surname alone later is the nearest of them (張, a measure word too,
   * before an adverb); a sentence in quote marks after 向某某表示 is
   * said, not a feeling */
  EXPECT("陳姓中士班長、張姓一等兵與胡姓一等兵涉嫌虐狗。\n"
         "陳向張表示「我不想看到牠。」\n張則向陳問說「那我把牠處理掉？」\n",
         {"我不想看到牠", "陳姓中士班長", D},
         {"那我把牠處理掉？", "張姓一等兵", D});
}
END_TEST

/* A surname and a given name that holds a function word or is a word
 * itself (自強, 應元), opening the clause before the verb and written so
 * again in the article, is a name; a surname and two adverbs (林也再) or a
 * time word (黃上午) is not. */
START_TEST(given_names_that_are_words) {
  EXPECT("村長柯自強昨天到學校看學生。\n柯自強說，校車明年就會開始行駛。\n",
         {"校車明年就會開始行駛", "柯自強", I});
  EXPECT("局长许应元到场视察。许应元表示，新的公路年底前完工。\n",
         {"新的公路年底前完工", "许应元", I});
  EXPECT_NONE("林也再說，預算不會刪減。林也再。\n");
  EXPECT_NONE("黃上午強調，預算不會刪減。黃上午。\n");
}
END_TEST

/* An accusation's claim is said with no comma when it runs long (控某某
 * 涉入弊案, 爆料…); 控 inside a word (聯控, 嚴控) and a lawsuit (控告)
 * say nothing. */
START_TEST(accusations_without_comma) {
  EXPECT("立委王小明昨天召開記者會，控陳大同涉入採購弊案。\n",
         {"陳大同涉入採購弊案", "王小明", I});
  EXPECT("議員林美華爆料某局長曾經收受廠商招待。\n",
         {"某局長曾經收受廠商招待", "林美華", I});
  EXPECT_NONE("市府成立聯防聯控機制今天召開記者會。\n");
  EXPECT_NONE("公司透過嚴控成本讓獲利在今年回升。\n");
  EXPECT_NONE("王小明控告陳大同涉嫌誹謗他人名譽。\n");
  /* 指 opening its clause says its claim (Taiwanese copy's "says") */
  EXPECT("段志明昨下午在臉書貼文，指那些批評他的人不了解他。\n",
         {"那些批評他的人不了解他", "段志明", I});
  EXPECT_NONE("這裡的數字指的是去年全年的營收。\n");
  /* a bullet and a subheading before the sentence: its subject follows */
  EXPECT("◎吞球事件 ．2014年段志明開記者會，控議員林小華涉入弊案。\n",
         {"議員林小華涉入弊案", "段志明", I});
  /* condemnations too; the claim ends at its clause, the narration after
   * it is nobody's */
  EXPECT("外交部发表声明。声明谴责该袭击严重违反国际法，邻国有权回应。\n",
         {"该袭击严重违反国际法", "外交部", I});
  EXPECT("國家主席王大明2日發文，譴責鄰國為推翻合法政府而策劃的干涉行徑。\n",
         {"鄰國為推翻合法政府而策劃的干涉行徑", "王大明", I});
  EXPECT_NONE("市長林美華批評他。\n");
}
END_TEST

/* The bench or its verdict, unnamed (法官認為, 判決指出), speaks as the
 * court the article named last; with no court named, no one. */
START_TEST(judges_speak_for_their_court) {
  EXPECT("台北地方法院昨天宣判，被告王大同判刑三年。法官認為，王大同犯後態度"
         "不佳，且未與被害人和解。\n",
         {"王大同犯後態度不佳，且未與被害人和解", "台北地方法院", I});
  EXPECT("李小華向士林地院提告。判決則指出，現有證據不足以證明被告犯罪。\n",
         {"現有證據不足以證明被告犯罪", "士林地院", I});
  EXPECT_NONE("检察官认为被告有罪。法官认为，被告的行为已经构成犯罪。\n");
}
END_TEST

/* 顯示 speaks only after a document standing for its author (報告顯示,
 * 通報顯示): the body that issued it; 數據顯示 and 調查顯示 name no one. */
START_TEST(reports_show) {
  EXPECT("中華經濟研究院今天發布報告。報告顯示，明年經濟成長率可望達到百分之"
         "三。\n",
         {"明年經濟成長率可望達到百分之三", "中華經濟研究院", I});
  EXPECT("中华经济研究院日前发布的研究报告显示，新关税可能给本国经济造成损失。"
         "\n",
         {"新关税可能给本国经济造成损失", "中华经济研究院", I});
  EXPECT_NONE("国家统计局数据显示，三季度经济持续恢复。\n");
  EXPECT_NONE("調查顯示，七成民眾支持這項政策。\n");
}
END_TEST

/* 對X來說， opening what is said is no second attribution: 來說 hides the
 * verb, and the words stay the first speaker's. */
START_TEST(for_someone_is_no_relay) {
  EXPECT("黃大明昨天出席論壇。他說，對民眾來說，死亡是禁忌，需要更多溝通。\n",
         {"對民眾來說，死亡是禁忌，需要更多溝通", "黃大明", I});
  EXPECT("王小华说，对年轻人来说，买房的压力越来越大。\n",
         {"对年轻人来说，买房的压力越来越大", "王小华", I});
}
END_TEST

/* Scraped text leaves spaces around a linked name (署長 李大元 今天…): the
 * title still vouches for it, for the verb and for a later 他. */
START_TEST(titles_before_linked_names) {
  EXPECT("環保署署長 李大元 今天中午首度回應，他表示，會檢討預警的頻率。\n",
         {"會檢討預警的頻率", "李大元", I});
  EXPECT("聯準會主席 王小華 在國會作證時 ，重申她預料聯準會會繼續升息。\n",
         {"她預料聯準會會繼續升息", "王小華", I});
}
END_TEST

/* On a headline a verb of blame and a short claim after a known speaker
 * are said (澳洲批中國派間諜), up to a space; in running text 批中 stays
 * unread. */
START_TEST(headline_blame) {
  EXPECT("澳洲批中國派間諜 陸媒反控\n澳洲政府今天表示，將加強調查。\n",
         {"中國派間諜", "澳洲", I}, {"將加強調查", "澳洲政府", I});
  EXPECT("談人口販運 提勒森批中國是共犯\n國務卿提勒森27日表示，中國沒有盡力。\n",
         {"中國是共犯", "提勒森", I}, {"中國沒有盡力", "提勒森", I});
}
END_TEST

/* A sentence that opens with where someone went (漫步…, 走進…, 在某地，)
 * names no one: its verb of saying goes on with the person who opens the
 * sentence before; not with an organisation, and not past a sentence
 * with a subject of its own. */
START_TEST(visits_go_on_with_the_visitor) {
  EXPECT("王大明市长多次到各地考察，就古城保护作出指示。漫步老城古街，指出“要"
         "保护好历史街区”；在东湖县，强调加强传统村落保护。\n",
         {"要保护好历史街区", "王大明", D},
         {"加强传统村落保护", "王大明", I});
  EXPECT_NONE("文化局发布通知。漫步老城古街，指出“要保护好历史街区”。\n");
}
END_TEST

START_TEST(pronoun_says_anew) {
  /* 他表示 / 他更批評 right after a comma: a further statement of its own */
  EXPECT("張志強說明本市正大力推動新的交通計畫，他表示全國已經進入新的發展時代。\n",
         {"本市正大力推動新的交通計畫", "張志強", I},
         {"全國已經進入新的發展時代", "張志強", I});
  EXPECT("李小華強調多數經費會用在鐵路建設上，他更批評前朝政府的政策造成城鄉失衡。\n",
         {"多數經費會用在鐵路建設上", "李小華", I},
         {"前朝政府的政策造成城鄉失衡", "李小華", I});
  /* a short object, or words between 他 and the verb: the passage goes on */
  EXPECT("王大明說，這次的颱風造成很大損失，他表示由衷的感謝。\n",
         {"這次的颱風造成很大損失，他表示由衷的感謝", "王大明", I});
}
END_TEST

START_TEST(forecast_goes_on) {
  /* 並預測X: a forecast by the one who spoke before it */
  EXPECT("陳建國形容這是暫時的現象，並預測央行在明年將能達成物價目標。\n",
         {"這是暫時的現象", "陳建國", I},
         {"央行在明年將能達成物價目標", "陳建國", I});
  /* 並預計X is as often what is scheduled: no forecast said */
  EXPECT_NONE("公園經過搶修後已經大致恢復，並預計下個月重新開放。\n");
}
END_TEST

START_TEST(conviction_is_a_view) {
  /* 確信 is a verb of opinion as 堅信 is */
  EXPECT("某大學教授林志明確信這項新的政策會讓本地產業倒退十年。\n",
         {"這項新的政策會讓本地產業倒退十年", "林志明", I});
}
END_TEST

START_TEST(further_point_and_question) {
  /* 此外他認為X: a further point, its own passage */
  EXPECT("王大明說，各國都在尋找新的產業方向，雙方準備好展開討論，此外他認為綠色能源將是未來發展核心。\n",
         {"各國都在尋找新的產業方向，雙方準備好展開討論", "王大明", I},
         {"綠色能源將是未來發展核心", "王大明", I});
  /* 提問，X: the question is said */
  EXPECT("主持人李大同向部長提問，為什麼這項計畫要拖延三年才開始執行？\n",
         {"為什麼這項計畫要拖延三年才開始執行？", "李大同", I});
}
END_TEST

START_TEST(tell_then_quotation) {
  /* 告訴李小華「…」: the addressee, then the words said */
  EXPECT("過了半小時，王大明再告訴李小華「我不想看到這隻狗，要讓牠消失」。\n",
         {"我不想看到這隻狗，要讓牠消失", "王大明", D});
}
END_TEST

START_TEST(quotation_then_narration) {
  /* 呼籲「…」，某某請…: the narration of someone else after the comma is
   * not the quotation going on */
  EXPECT("市長江大同今天懸掛勸導牌，呼籲「愛牠不要抓牠」，協會理事長藍小珍請大家愛護，讓這些獨角仙能「好好生活，平平安安回家」。\n",
         {"愛牠不要抓牠", "江大同", D},
         {"好好生活，平平安安回家", "藍小珍", D});
}
END_TEST

START_TEST(byline_and_link_are_no_coda) {
  /* a byline or a link after the last sentence is not the speaker's */
  EXPECT("分析師李大同預測，本地貨幣可能在年底前持續升值。（王小明／綜合報導）\n",
         {"本地貨幣可能在年底前持續升值", "李大同", I});
  EXPECT("分析師李大同預測，本地貨幣可能在年底前持續升值。》外資進出明細\n",
         {"本地貨幣可能在年底前持續升值", "李大同", I});
}
END_TEST

START_TEST(long_visit_chain) {
  /* four visits in a row, the last one's verb still the visitor's */
  EXPECT("王大明市长多次到各地考察，就古城保护作出指示。漫步老城古街，指出“要"
         "保护好历史街区”；走进河街了解老街修复情况；深入西城的老小区，强调“"
         "既要保留历史记忆，又要解决居民关切的问题”；在东湖县，强调加强传统"
         "村落保护。\n",
         {"要保护好历史街区", "王大明", D},
         {"既要保留历史记忆，又要解决居民关切的问题", "王大明", D},
         {"加强传统村落保护", "王大明", I});
}
END_TEST

START_TEST(replenish_is_no_remark) {
  /* 補充水分 replenishes; 補充，… and 補充說 add a remark */
  EXPECT_NONE("醫師李大同呼籲大家一定要隨時補充水分與電解質。\n");
  EXPECT("醫師李大同補充，夏天外出時應該隨身攜帶飲用水。\n",
         {"夏天外出時應該隨身攜帶飲用水", "李大同", I});
}
END_TEST

START_TEST(described_as_in_marks) {
  /* 以「…」形容X: the words in marks are said, X is what they describe */
  EXPECT("人權專家王大明曾以「有系統的集體迫害行動」形容當局對少數族裔的鎮壓。\n",
         {"有系統的集體迫害行動", "王大明", D});
  EXPECT("歌手林小美並以「簡約、暗黑、舒適」形容自己的穿衣風格。\n",
         {"簡約、暗黑、舒適", "林小美", D});
  /* a word or two in marks is a term: nothing said */
  EXPECT_NONE("主席林大同在會上以「國恥」形容立法院對改革案的修法。\n");
}
END_TEST

START_TEST(condition_names_no_speaker) {
  /* 如果X…，該公司預計…: the company that spoke, not the X supposed; the
   * forecast goes on in its passage, and 報道指出 after it is the outlet's */
  EXPECT("據東方電視台報道，大華汽車公司也表示，如果歐盟繼續對進口汽車加徵關稅，"
         "該公司在歐洲銷售的汽車價格預計明年起上調。報道指出，此舉將推高當地物價。\n",
         {"如果歐盟繼續對進口汽車加徵關稅，該公司在歐洲銷售的汽車價格預計明年起上調",
          "大華汽車公司", I},
         {"此舉將推高當地物價", "東方電視台", I});
  EXPECT("星光半导体公司表示，如果日本政府继续限制材料出口，该公司的芯片产量预计将减少三成。\n",
         {"如果日本政府继续限制材料出口，该公司的芯片产量预计将减少三成",
          "星光半导体公司", I});
}
END_TEST

START_TEST(section_title_is_no_speech) {
  /* a heading naming a person and a theme, the paragraph under it
   * narrating: no one's words */
  EXPECT_NONE("新闻标题\n王小明：匠心守护国产高铁的“心脏”\n"
              "高级技师王小明所在的车间是高铁生产线的重要一环，他和团队负责保证零件精度。\n");
  EXPECT_NONE("專題\n林美華：深耕偏鄉 點亮孩子的未來\n"
              "國小教師林美華在山區任教二十年，每天清晨六點就到校。\n");
  /* a headline quote is told again below it: it stays speech */
  EXPECT("要闻\n李大同：明年经济有望温和增长\n"
         "财政部长李大同今天表示，明年经济有望温和增长。\n",
         {"明年经济有望温和增长", "李大同", D},
         {"明年经济有望温和增长", "李大同", I});
  EXPECT("專題\n林美華：「我會一直教下去」\n國小教師林美華在山區任教二十年。\n",
         {"我會一直教下去", "林美華", D});
}
END_TEST

START_TEST(quote_within_a_passage) {
  /* 某某表示，…，當時李說「…」，就是…: the quotation is the witness's
   * telling, one passage of the witness */
  EXPECT("目擊者王大明表示，當晚店長在門口叫住他，當時店長李小華說「沒關係，你先走」，"
         "就是同意他離開，因此他才轉身回家。\n",
         {"當晚店長在門口叫住他，當時店長李小華說「沒關係，你先走」，就是同意他離開，因此他才轉身回家",
          "王大明", I});
  /* a quotation ending the sentence is its speaker's own passage */
  EXPECT("目擊者王大明表示，當晚店長在門口叫住他。店長李小華則說「沒關係，你先走」。\n",
         {"當晚店長在門口叫住他", "王大明", I},
         {"沒關係，你先走", "李小華", D});
}
END_TEST

START_TEST(urged_time_frame_is_said) {
  /* 另呼籲X別在…時，…: the 在…時 is what is urged, not a time clause
   * around the verb */
  EXPECT("醫師王大明強調，運動最好有同伴一起進行，畢竟獨自運動容易放棄，"
         "另呼籲家人千萬別在長輩疲累時催促，以免發生意外。\n",
         {"運動最好有同伴一起進行，畢竟獨自運動容易放棄", "王大明", I},
         {"家人千萬別在長輩疲累時催促，以免發生意外", "王大明", I});
  /* a time clause around the verb stays one (回應提問時表示) */
  EXPECT("部長李大同在記者會上回應提問時表示，預算將如期送交立法院。\n",
         {"預算將如期送交立法院", "李大同", I});
}
END_TEST

int main(void) {
  Suite *s = suite_create("passages");
  TCase *tc = tcase_create("articles");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, sports_traditional);
  tcase_add_test(tc, economy_simplified);
  tcase_add_test(tc, health_broken_typography);
  suite_add_tcase(s, tc);
  tc = tcase_create("patterns");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, scare_quotes_stay_in_text);
  tcase_add_test(tc, unnamed_speech_is_no_passage);
  tcase_add_test(tc, closing_attribution_after_quote);
  tcase_add_test(tc, stray_closer_then_attribution);
  tcase_add_test(tc, straight_and_nested_quotes);
  tcase_add_test(tc, same_speaker_sentences_merge);
  tcase_add_test(tc, frames_and_according_to);
  tcase_add_test(tc, latin_names_and_titles);
  tcase_add_test(tc, news_shapes);
  tcase_add_test(tc, statements_outlets_and_clauses);
  tcase_add_test(tc, wire_and_transcript_shapes);
  tcase_add_test(tc, organisations_and_foreign_titles);
  tcase_add_test(tc, countries_speak_only_in_attributions);
  tcase_add_test(tc, chained_verbs_and_feelings);
  tcase_add_test(tc, blame_verbs_and_passive);
  tcase_add_test(tc, short_names_and_words_after_them);
  tcase_add_test(tc, given_names_that_are_words);
  tcase_add_test(tc, accusations_without_comma);
  tcase_add_test(tc, judges_speak_for_their_court);
  tcase_add_test(tc, reports_show);
  tcase_add_test(tc, for_someone_is_no_relay);
  tcase_add_test(tc, titles_before_linked_names);
  tcase_add_test(tc, headline_blame);
  tcase_add_test(tc, visits_go_on_with_the_visitor);
  tcase_add_test(tc, pronoun_says_anew);
  tcase_add_test(tc, forecast_goes_on);
  tcase_add_test(tc, conviction_is_a_view);
  tcase_add_test(tc, further_point_and_question);
  tcase_add_test(tc, tell_then_quotation);
  tcase_add_test(tc, quotation_then_narration);
  tcase_add_test(tc, byline_and_link_are_no_coda);
  tcase_add_test(tc, long_visit_chain);
  tcase_add_test(tc, replenish_is_no_remark);
  tcase_add_test(tc, described_as_in_marks);
  tcase_add_test(tc, condition_names_no_speaker);
  tcase_add_test(tc, section_title_is_no_speech);
  tcase_add_test(tc, quote_within_a_passage);
  tcase_add_test(tc, urged_time_frame_is_said);
  suite_add_tcase(s, tc);
  tc = tcase_create("pathological");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, many_unclosed_marks);
  tcase_add_test(tc, fifty_megabyte_paragraph);
  tcase_add_test(tc, sentence_marks_below_3003);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
