/* Stage 6, speakers: canonical names, pronouns, aliases, variant
 * spellings, organisations and the speakers summary, on an article
 * composed for them (tests/articles/speakers-tech.txt) and short inputs in
 * both scripts. */
#include "tests_common.h"

static lichang_lexicon *lx;

static void setup(void) {
  lichang_error err;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, &err), 0);
}
static void teardown(void) { lichang_lexicon_free(lx); }

/* Tags text and checks the speakers of its passages, in order. */
static void expect_speakers(const char *text, const char *const *names,
                            size_t n) {
  lichang_doc *doc = tag_with(lx, text);
  size_t got = lichang_doc_quote_count(doc);
  for (size_t i = 0; i < got; i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    char *s = span_text(text, lichang_quote_span(q));
    fprintf(stderr, "  got [%zu] %s | %s\n", i, lichang_quote_speaker(q), s);
    free(s);
  }
  ck_assert_uint_eq(got, n);
  for (size_t i = 0; i < n; i++)
    ck_assert_str_eq(lichang_quote_speaker(lichang_doc_quote(doc, i)),
                     names[i]);
  lichang_doc_free(doc);
}
#define SPEAKERS(text, ...)                                                    \
  do {                                                                         \
    const char *const n_[] = {__VA_ARGS__};                                    \
    expect_speakers(text, n_, sizeof n_ / sizeof *n_);                         \
  } while (0)

/* text holds exactly one passage, and it is want (the attribution and
 * what surrounds it left out). */
static void only_passage(const char *text, const char *want) {
  lichang_doc *doc = tag_with(lx, text);
  ck_assert_uint_eq(lichang_doc_quote_count(doc), 1);
  char *s = span_text(text, lichang_quote_span(lichang_doc_quote(doc, 0)));
  ck_assert_str_eq(s, want);
  free(s);
  lichang_doc_free(doc);
}

/* Pronouns (他, 她 after a titled name in the narration), a variant
 * surname (蕭/肖), an alias (老肖), the other script (肖立民 in
 * Simplified), a listed organisation behind a bare title (微軟發言人) and
 * 該公司 → that organisation. */
START_TEST(tech_article) {
  char *text = read_article("speakers-tech.txt");
  const char *const names[] = {"肖立民", "肖立民", "吳佩珊", "肖立民",
                               "肖立民", "微軟",   "微軟",   "肖立民"};
  expect_speakers(text, names, sizeof names / sizeof *names);
  /* the summary: one entry per speaker, with its passage count */
  lichang_doc *doc = tag_with(lx, text);
  char *json = lichang_doc_to_json(doc, "t", NULL);
  ck_assert_ptr_nonnull(strstr(json, "\"speakers\":[{\"name\":\"肖立民\","
                                     "\"quotes\":5,"));
  ck_assert_ptr_nonnull(strstr(json, "{\"name\":\"吳佩珊\",\"quotes\":1,"));
  ck_assert_ptr_nonnull(strstr(json, "{\"name\":\"微軟\",\"quotes\":2,"));
  lichang_free(json);
  lichang_doc_free(doc);
  free(text);
}
END_TEST

START_TEST(pronoun_takes_latest_person) {
  SPEAKERS("教育部長潘文忠昨日視察校園。他表示，明年將增加師資預算。\n",
           "潘文忠");
  SPEAKERS("張曉紅表示，今年的招生情況良好。李國強則持不同看法，"
           "他認為，生源減少的趨勢已經很明顯。\n",
           "張曉紅", "李國強");
  /* 他/她 is the latest sentence's subject, not the person it names
   * after a verb */
  SPEAKERS("立委林靜儀質詢衛福部長邱泰源。她說，疫苗採購進度落後。"
           "邱泰源回應，下月就會到貨。\n",
           "林靜儀", "邱泰源");
  SPEAKERS("委员林静仪质询卫生部长邱泰源。她说，疫苗采购进度落后。\n",
           "林静仪");
  /* nobody named before: no passage */
  SPEAKERS("他说，明天的会议推迟了。\n");
}
END_TEST

START_TEST(pronoun_it_takes_organisation) {
  SPEAKERS("台積電今天公布第三季財報。該公司表示，先進製程的需求依然強勁。\n",
           "台積電");
}
END_TEST

/* a statement, notice or report stands for its issuer; an outlet named
 * in 《》 is an organisation that 該報 then stands for */
START_TEST(statements_and_outlets_speak_for_their_issuer) {
  SPEAKERS("經濟部表示，電價明年不會調漲。\n"
           "新聞稿還稱，工業用電將另行檢討。\n",
           "經濟部", "經濟部");
  SPEAKERS("交通部周一发布公告。公告说，春运期间高速公路将免费通行。\n",
           "交通部");
  SPEAKERS("《联合早报》评论称，这次选举的投票率可能创新低。"
           "该报还指出，年轻选民的态度尤其关键。\n",
           "联合早报", "联合早报");
}
END_TEST

START_TEST(aliases_and_variants) {
  /* 老X and 小X: the person surnamed X named before */
  SPEAKERS("記者周大偉表示，調查仍在進行。老周還說，相關證據已經交給警方。\n",
           "周大偉", "周大偉");
  SPEAKERS("队长王磊表示，全队已经做好准备。小王也说，这场比赛一定要赢。\n",
           "王磊", "王磊");
  /* a variant surname character: the first form the article uses */
  SPEAKERS("教授閻志強指出，研究經費明顯不足。閆志強強調，人才外流正在加劇。\n",
           "閻志強", "閻志強");
  /* the same name in the other script */
  SPEAKERS("陳建宏表示，景氣已經落底。陈建宏还说，明年出口有望回升。\n",
           "陳建宏", "陳建宏");
  /* a surname and a title: the person with that surname */
  SPEAKERS("研究員黃雅琪認為，氣候變遷將影響稻米產量。黃教授指出，"
           "農民需要更耐熱的品種。\n",
           "黃雅琪", "黃雅琪");
}
END_TEST

START_TEST(listed_people_and_organisations) {
  /* the people file joins the forms of a name; the article's first form
   * names the speaker, in the article's script */
  SPEAKERS(
      "川普表示，美國將對進口鋼鐵加徵關稅。特朗普还说，这是为了保护就业。\n",
      "川普", "川普");
  SPEAKERS("习近平指出，要坚持创新驱动发展。\n", "习近平");
  /* an organisation named by its kind word speaks */
  SPEAKERS("國家發展委員會表示，今年經濟成長率上修至百分之三。\n",
           "國家發展委員會");
  SPEAKERS("OpenAI在声明中表示，新模型将在下个月向所有用户开放。\n", "OpenAI");
}
END_TEST

START_TEST(context_speaker_for_bare_quote) {
  /* a quote with no attribution: the person the narration just named */
  SPEAKERS("市長柯建銘昨天出席開工典禮。「這條捷運線將在三年內通車，"
           "市民的等待不會白費。」\n",
           "柯建銘");
}
END_TEST

/* Institutions speak in wire copy: an army, a department, an armed group,
 * a country's side (中方, 美方), often with a date before the verb. */
START_TEST(institutions_with_dates) {
  SPEAKERS("卫生部门13日表示，过去一天共有12人受伤。", "卫生部门");
  SPEAKERS("泰国军方当天称，演习按计划进行，没有造成损失。", "泰国军方");
  SPEAKERS("中方表示，愿同各方一道推动和平进程。", "中方");
  /* a short name in an aside or in quote marks; a side (方面) */
  SPEAKERS("27日，伊斯兰抵抗运动（哈马斯）发表声明称，大批民众正在返家。",
           "哈马斯");
  SPEAKERS("武裝派別「金鷹旅」7日晚公布影片稱，已發動攻擊。", "金鷹旅");
  SPEAKERS("以色列方面7日称，空袭将持续。", "以色列方面");
  /* headline clauses parted by a space each have their own speaker */
  SPEAKERS("以军称空袭真主党目标 真主党称袭击以军基地\n", "以军", "真主党");
  /* one unnamed trader a news agency quotes is nobody */
  SPEAKERS("路透引述一名中資銀行交易員說法指出，央行已經進場。\n");
  /* an abbreviated council, a provincial department, a branch of
   * government and its short form */
  SPEAKERS("國發會日前回應，不會代為處理這項訴求。", "國發會");
  SPEAKERS("省旅遊廳則表示，邀請哪位藝人由主辦單位決定。", "省旅遊廳");
  SPEAKERS("省旅游厅则表示，邀请哪位艺人由主办单位决定。", "省旅游厅");
  SPEAKERS("行政院昨天表示，預算不會刪減。政院並說，計畫將如期推動。",
           "行政院", "行政院");
  SPEAKERS("美方昨天在聲明中表示，將繼續與盟友協商。", "美方");
  SPEAKERS("當地武裝20日稱，已控制機場周邊地區。", "當地武裝");
  /* 在聲明中表示: the statement is a noun; the passage follows 表示 */
  only_passage("美方昨天在聲明中表示，將繼續與盟友協商。", "將繼續與盟友協商");
}
END_TEST

/* Long chains of office before a name: the whole title gives way to the
 * name, none of its characters joins it (副委員長 is not 副委員 + 長…). */
START_TEST(office_titles_chain_to_name) {
  SPEAKERS("全国人大常委会副委员长陈立新在参加江苏代表团审议时说，"
           "完全赞成这份报告。\n",
           "陈立新");
  SPEAKERS("全國人大常委會副委員長陳立新在參加江蘇代表團審議時說，"
           "完全贊成這份報告。\n",
           "陳立新");
  SPEAKERS("改革委員會副召集人王德明表示，基金破產的時間將延後十年。\n",
           "王德明");
  SPEAKERS("内阁官房长官林芳雄当天表示，欢迎对方加入协定。\n", "林芳雄");
  /* after a title a rarer corpus word inside a name does not end it;
   * parts joined by a name dot are one name */
  SPEAKERS("全国人大常委会副委员长洛桑顿珠说，完全赞成这份报告。\n",
           "洛桑顿珠");
  SPEAKERS("副委员长阿不都热合曼·吐尔逊在参加代表团审议时说，"
           "完全赞成这份报告。\n",
           "阿不都热合曼·吐尔逊");
  SPEAKERS("副委員長阿不都熱合曼·吐爾遜說，完全贊成這份報告。\n",
           "阿不都熱合曼·吐爾遜");
  /* foreign names spelt in Han, however their pieces read as words */
  SPEAKERS("阿拉格希还表示，伊朗不希望局势升级。\n", "阿拉格希");
  SPEAKERS("以色列总理内塔尼亚胡7日称，反击是必要的。\n", "内塔尼亚胡");
  SPEAKERS("德國總理朔爾茨表示，兩國合作至關重要。\n", "朔爾茨");
  SPEAKERS("联合国秘书长古特雷斯发表声明说，各方应保持克制。\n", "古特雷斯");
  /* but not a run that goes on into a longer word (阿塞拜疆) */
  SPEAKERS("阿塞拜疆总统阿利耶夫表示，两国友谊深厚。\n", "阿利耶夫");
  /* a given name may hold 億 (林萬億, 王億) */
  SPEAKERS("研究員林萬億表示，預算明年將小幅增加。\n", "林萬億");
}
END_TEST

/* Taiwanese copy shortens a known name to its surname (郝說, 柯也表示);
 * a surname nobody in the article bears names nobody. */
START_TEST(surname_alone_is_known_person) {
  SPEAKERS("前顧問鄧明義昨天召開記者會。鄧上午表示，計畫應延後半年再議。"
           "鄧並質疑，主管機關捏造事實。此外，鄧也說，他曾寄信給對方。\n",
           "鄧明義", "鄧明義", "鄧明義");
  SPEAKERS("前顾问邓明义昨天召开记者会。邓说，计划应延后半年再议。\n",
           "邓明义");
  SPEAKERS("蘇說，計畫應延後半年再議。\n");
}
END_TEST

/* Local and business news: a firm named by its trade (…投信, …證券,
 * …電信), a side that speaks as one (警方, 校方), a person named by a part
 * in the story and then by surname and form of address (店主妻子王女士),
 * and an attribution of two verbs with a space before its comma. */
START_TEST(firms_sides_and_forms_of_address) {
  SPEAKERS("國泰投信指出，下半年債市仍有機會反彈。\n", "國泰投信");
  SPEAKERS("元大证券表示，外资近期持续卖超，短线仍需观察。\n", "元大证券");
  SPEAKERS("遠傳電信宣布，明年起調整部分資費方案。\n", "遠傳電信");
  SPEAKERS("記者李明志／台中報導\n警方說，兩名嫌犯已於凌晨到案說明。\n",
           "警方");
  SPEAKERS("对此，校方表示，已通知家长并加强校园巡逻。\n", "校方");
  SPEAKERS("受損店主妻子王女士：「我們一整晚都沒睡。」\n", "王女士");
  SPEAKERS("路過的乘客張先生說，公車那天晚了二十分鐘。\n", "張先生");
  only_passage("鄭姓男子事後發布聲明表示 ，他從未收受任何款項。\n",
               "他從未收受任何款項");
}
END_TEST

/* A bare title stands for the person it named before (教宗方濟各 … 教宗
 * 說); on a headline, for the person named after it with that title. A
 * title nobody holds in the article, or a group's (與會代表), speaks for
 * nobody; a name before a title (王建國主席) is no bare title. */
/* An organisation in short and in full is one speaker, named in full:
 * the short form keeps the first character and the rest in order (經合組織
 * of 經濟合作與發展組織, 北約 of 北大西洋公約組織, 環署 of 環保署), but a
 * country is not its ministry (美國, 美國國務院). */
START_TEST(short_and_full_names_of_organisations) {
  SPEAKERS("經濟合作與發展組織今天表示，全球貿易持續放緩。經合組織預測，全球經濟"
           "今年將放緩。\n",
           "經濟合作與發展組織", "經濟合作與發展組織");
  SPEAKERS("北约：将加强东翼防务\n北大西洋公约组织今天表示，成员国将增加军费。\n",
           "北大西洋公约组织", "北大西洋公约组织");
  SPEAKERS("美國表示，將提高關稅。美國國務院表示，談判仍在進行。\n", "美國",
           "美國國務院");
  /* a meeting speaks for the body that held it, as its statement does */
  SPEAKERS("國家發展委員會今天召開會議。會議指出，出口持續成長。\n",
           "國家發展委員會");
  /* a country's delegate, unnamed, speaks for it (not its unnamed
   * officials) */
  SPEAKERS("联合国大会今天表决。中国代表表示，决议应当全面执行。\n", "中国代表");
  /* legislators by party colour are a title: the name after it speaks,
   * an unnamed senior one does not */
  SPEAKERS("藍委李大華表示，修法應開公聽會。\n", "李大華");
  SPEAKERS("民進黨團書記長林大偉說，這項法案可惜沒有通過。\n", "林大偉");
  /* a title read across a word's edge (高|中校|長) takes the 長 after it,
   * not the name */
  SPEAKERS("明德高中校長陳志明說，學生表現很好。\n", "陳志明");
  expect_speakers("立委王小明宣布退休。資深綠委分析，這會造成壓力。\n", NULL, 0);
  expect_speakers("美國官員表示，談判仍在進行。\n", NULL, 0);
}
END_TEST

/* An organisation's name starts after what describes it (…的, …了) and
 * after a joining word before it, but not inside a word or a name spelt
 * in Han (巴爾的摩), nor a character that opens a word of the name (和平,
 * 對外). */
START_TEST(organisation_name_without_what_precedes_it) {
  SPEAKERS("港口一度關閉。負責經營碼頭的東方航運公司表示，損失仍在統計。\n",
           "東方航運公司");
  SPEAKERS("会谈没有结果。而以色列国防军称，调查仍在进行。\n", "以色列国防军");
  SPEAKERS("港口發生大火。巴爾的摩市警方表示，沒有人受傷。\n", "巴爾的摩市警方");
  SPEAKERS("和平基金會表示，捐款將用於重建。\n", "和平基金會");
  /* a preposition before a name makes it an object, not the speaker's
   * first character; a connective (對此) is no preposition */
  SPEAKERS("上月，王大明主席同阿卜杜拉總理共同宣布，兩國將互免簽證。\n", "王大明");
  SPEAKERS("市場普遍看淡。對此約翰·史密斯表示，經濟增長不會太高。\n",
           "約翰·史密斯");
  SPEAKERS("對外貿易協會表示，出口將成長。\n", "對外貿易協會");
}
END_TEST

START_TEST(bare_title_is_its_holder) {
  SPEAKERS("聯合國秘書長古德曼今天抵達日內瓦。秘書長表示，各方應立即停火。\n",
           "古德曼");
  SPEAKERS("天主教教宗方濟各（Pope Francis）今天抵達。教宗說，和平需要對話。\n",
           "方濟各");
  SPEAKERS("美總統稱將調降關稅\n"
           "美國總統戴維森今天表示，政府將調降部分商品關稅。\n",
           "戴維森", "戴維森");
  SPEAKERS("丹麥首相稱不會讓步\n英國首相史東表示，談判仍在進行。"
           "丹麥首相韓森表示，丹麥不會讓步。\n",
           "韓森", "史東", "韓森");
  /* a country before the title must be the holder's (法外長 is 法國外長
   * 巴羅's, not 挪威首相某某's); a transliterated name of six characters
   * the narration gives after the title counts */
  SPEAKERS("法外長稱下月設領事館\n法國外長巴羅表示，法國將開設領事館。\n",
           "巴羅", "巴羅");
  SPEAKERS("丹麥首相表示絕不出售島嶼\n丹麥首相弗雷澤里克森13日與總理舉行記者會。"
           "弗雷澤里克森表示，丹麥不會改變立場。\n",
           "弗雷澤里克森", "弗雷澤里克森");
  expect_speakers("丹麥首相表示絕不出售島嶼\n挪威首相史東表示，北歐將保持協調。\n",
                  (const char *const[]){"史東"}, 1);
  /* 美學者 is 美 and 學者, though 美學 is a word; a bare title may say
   * with a colon on a headline */
  SPEAKERS("美學者：區域緊張升高\n美國學者史東指出，區域緊張正在升高。\n",
           "史東", "史東");
  SPEAKERS("經合組織報告稱美關稅影響顯著\n", "經合組織");
  /* on a headline an organisation and a bare title after it is the holder
   * named after it with them */
  SPEAKERS("聯合國秘書長稱氣候危機威脅全球\n聯合國秘書長古德曼22日指出，氣候危機正將地球推向危險邊緣。\n",
           "古德曼", "古德曼");
  /* 該公司 is the company named last in its sentence before it */
  SPEAKERS("資安業者表示，病毒更具威脅。多家企業受害，其中包括大同電子公司，"
           "該公司表示已轉換到備用系統。\n",
           "大同電子公司");
  /* 報導指稱 is the outlet that last reported, or nobody; 聲明說 the
   * organisation the statement is from */
  SPEAKERS("日本《朝日新聞》今報導稱，政府將調漲稅率。\n報導指稱，調漲幅度約為兩成。\n",
           "朝日新聞", "朝日新聞");
  expect_speakers("據報導，警方已經介入。報導指出，嫌犯已經落網。\n", NULL, 0);
  SPEAKERS("國防部今天發表聲明強調，國軍全程監控。聲明說，共機已經離開。\n",
           "國防部", "國防部");
  expect_speakers("總統說，經濟正在好轉。\n", NULL, 0);
  expect_speakers("與會代表表示，要深入學習相關精神。會議代表李明出席。\n", NULL, 0);
  expect_speakers("市民感謝王建國主席宣布興建新的公園。\n", NULL, 0);
  /* after a title, two characters filling the clause are the given name,
   * a function word among them or not (謝和霖, 林為州) */
  SPEAKERS("環保聯盟秘書長陳和平指出，塑膠桌墊含有塑化劑。\n", "陳和平");
  SPEAKERS("國民黨立委林為中：「我們會持續監督。」\n", "林為中");
  /* a listed person's surname and a title (賴院長) is that person */
  SPEAKERS("行政院院長賴清德今天表示，明天會下雨。賴院長接著表示，後天會放晴。\n",
           "賴清德", "賴清德");
  /* 自己 is the person the sentence is about; 環團, 勞團 are unnamed, but
   * a named one before 等 speaks for the rest */
  SPEAKERS("演員陳明光得獎後，自己一直謙虛說，得獎是靠運氣。\n", "陳明光");
  expect_speakers("環團表示，政府的空汙對策看不出成效。\n", NULL, 0);
  SPEAKERS("台灣護理產業工會等勞團表示，護病比應該入法。\n", "台灣護理產業工會");
  /* a surname that is also a measure word (張, 段) stands alone for the
   * person right before the verb; first-person words before it stay the
   * first speaker's; 覺得 takes a clause however short */
  SPEAKERS("段志明今天表示，這是我的決定。段說，還有幾個任務得完成。\n",
           "段志明", "段志明");
  SPEAKERS("張立群今天表示，他只是討論。至於議員罵他，張覺得還好啦。\n",
           "張立群", "張立群");
  /* after 的 a name running to the verb speaks; a surname that is also a
   * country's short form (韓) with a form of address is a person; 之一
   * after a title keeps the name titled; a clause about someone (針對…)
   * names no speaker for a verb that borrows one */
  SPEAKERS("擔任職員的韓小姐說：「我們不想再等了。」\n", "韓小姐");
  SPEAKERS("佔領行動發起人之一陳健明表示，未來十年的轉變都會影響香港。\n", "陳健明");
  SPEAKERS("針對美國總統戴維森的關稅威脅，丹麥首相韓森表示，她已與多國通話，"
           "並稱「不會被勒索」。\n",
           "韓森", "韓森");
  /* military ranks and heads of units are titles */
  SPEAKERS("333旅前少將旅長林國威稱，部屬並未違反規定。\n", "林國威");
  /* a surname, 姓 and a role are one person, whom a later 李先生 is */
  SPEAKERS("受訪的李姓專家表示，疫情已經趨緩。李先生也說，明年會更好。\n",
           "李姓專家", "李姓專家");
  SPEAKERS("42歲的黃姓男子向警方表示，他當時並未飲酒。\n", "黃姓男子");
  /* 稱美國: a word only the corpus counted (稱美) hides no verb */
  SPEAKERS("外交部稱美國的做法不負責任。\n", "外交部");
}
END_TEST

/* What follows a title is a name only when it could be one: a common
 * word there (反复, 职务) is what the title governs; a foreign name's
 * characters (格林) stay a name; 經理人 is a title whole. */
START_TEST(common_word_after_title_is_no_name) {
  expect_speakers("总书记反复强调，要把工作做得更好。\n", NULL, 0);
  SPEAKERS("委员会主任职务调整后表示，要把工作做得更好。\n", "委员会");
  SPEAKERS("密州州長格林表示，搜救工作將持續數週。\n", "格林");
  SPEAKERS("某投資基金經理人吳大明表示，今年股市將會上漲。\n", "吳大明");
}
END_TEST

/* A surname and a common word opening a sentence (陳重傷送醫) is the
 * surname and what befell its person: no name a pronoun stands for, and
 * the person named by surname before (陳姓騎士) when it speaks; written
 * again, such a name is one (王平安). */
START_TEST(surname_and_predicate_is_no_name) {
  SPEAKERS("一名陳姓騎士昨天在路口被轎車撞倒。陳重傷送醫，經過治療，"
           "認為駕駛應該負全責。\n",
           "陳姓騎士");
  expect_speakers("一名騎士昨天在路口被轎車撞倒。陳重傷送醫，經過治療後他表示，"
                  "駕駛應該負全責。\n",
                  NULL, 0);
  SPEAKERS("市長王平安昨天視察災區。王平安說，重建工作將在下月展開。"
           "他表示，經費已經到位。\n",
           "王平安", "王平安");
}
END_TEST

/* A bare organisation word (代表團, 委員會) is the body named with it:
 * the clause before that opens with its full name, or nobody else. */
START_TEST(bare_organisation_word_is_the_body_named) {
  SPEAKERS("湖北代表团昨天抵达北京。代表团成员表示，要把会议精神带回去。\n",
           "湖北代表团");
  SPEAKERS("南方水資源保護委員會昨天公布報告。委員會表示，水庫存量偏低。\n",
           "南方水資源保護委員會");
}
END_TEST

/* Two bodies joined by 和, 與 or 及 before the verb speak together, as
 * written; 與 inside a body's name keeps the country before it. */
START_TEST(joined_organisations_speak_together) {
  SPEAKERS("台灣電力公司和中油公司表示，油電價格下月不調整。\n",
           "台灣電力公司和中油公司");
  SPEAKERS("國防部和外交部發表聲明說，雙方將持續溝通。\n", "國防部和外交部");
  SPEAKERS("冰島海洋與漁業管理局表示，漁獲量將下降。\n", "冰島海洋與漁業管理局");
  SPEAKERS("政府军和反对派武装宣布，双方同意停火三天。\n", "政府军和反对派武装");
}
END_TEST

/* 張男, 陳嫌: a surname and a role character are the person, and what
 * follows is the verb (供稱), not a given name; after a side (俄方) a
 * one-character 會 is a modal, not a council. */
START_TEST(surname_role_and_side_modal) {
  SPEAKERS("警方將他帶回偵訊。張男供稱，毒品是朋友給的。\n", "張男");
  SPEAKERS("一名郭姓商販被警方約談。郭男供稱，玩具是他在批發店購買的。\n",
           "郭男");
  SPEAKERS("俄方會在下週正式宣布，將派代表出席會議。\n", "俄方");
  /* a surname's family (王家人) is unnamed, and 亞軍 may be a given name */
  expect_speakers("留學生王小梅至今下落不明，王家人表示，希望警方加快調查。\n",
                  NULL, 0);
  SPEAKERS("大使王亚军表示，双方将落实好共识。\n", "王亚军");
  /* a character before 著 is a verb, not a given name */
  SPEAKERS("歌手林芳參加活動，林芳笑著說，會穿最喜歡的T恤出席。\n", "林芳");
  /* after a title, a time clause (退休後, 訪問期間) is no name */
  expect_speakers("球隊總教練王建新昨天接受訪問。教練退休後表示，最想念的是球員。\n",
                  NULL, 0);
  /* after a number, 部 counts (8部热线): no body */
  expect_speakers("全市开通8部热线表示，将及时回应。\n", NULL, 0);
}
END_TEST

/* A bare two-character organisation word (工會, 協會) speaks only as the
 * body the article named with it; alone it is anyone's union. */
START_TEST(bare_short_organisation_word_is_the_body_named) {
  SPEAKERS("北海岸漁民產業工會昨天到市府陳情。工會指出，漁港淤積多年未清。\n",
           "北海岸漁民產業工會");
  SPEAKERS("南方漁业协会今天开会。协会表示，休渔期应当延长。\n",
           "南方漁业协会");
  expect_speakers("工會指出，漁港淤積多年未清。\n", NULL, 0);
  /* many bare copies before it: each is looked up once, not again inside
   * the look-up of the one after it (that took time doubling per copy) */
  char text[2048] = "北海岸漁民產業工會成立。";
  for (int i = 0; i < 40; i++)
    strcat(text, "他在工會開會。");
  strcat(text, "工會表示：「漁港要清淤。」\n");
  SPEAKERS(text, "北海岸漁民產業工會");
}
END_TEST

/* A group named by its cause on a headline (環團：…) is the body the
 * article names for it after the headline; none named, no passage. */
START_TEST(headline_group_is_the_body_named) {
  SPEAKERS("環團：山坡地開發應暫停\n\n北部環境守護聯盟今天到縣府陳情。\n",
           "北部環境守護聯盟");
  SPEAKERS("劳团：加班费必须照付\n\n东部劳工权益陣线昨天批评，资方长期拖欠加班费。\n",
           "东部劳工权益陣线", "东部劳工权益陣线");
  expect_speakers("環團：山坡地開發應暫停\n\n縣府今天召開說明會。\n", NULL, 0);
}
END_TEST

/* 会后 and 会间 are the meeting just held, not a council closing a name
 * (某某会后表示 is no body 某某会). */
START_TEST(meeting_after_name_is_no_council) {
  SPEAKERS("张明会后表示，双方将继续对话。\n", "张明");
  SPEAKERS("林志遠會後表示，雙方將繼續對話。\n", "林志遠");
  SPEAKERS("南方渔业协会表示，休渔期应当延长。\n", "南方渔业协会");
}
END_TEST

/* After a title, a given name whose first character is a function or
 * time character (日) ends before a word of time or function, and the
 * surname alone later is that person. */
START_TEST(titled_name_before_time_word) {
  SPEAKERS("立委陳日豐昨天質詢部長。陳則回應，預算不足。\n", "陳日豐");
  SPEAKERS("议员王日宁今天也说，预算不足。\n", "王日宁");
}
END_TEST

/* Two characters alone before the verb that are a word or a time phrase
 * (賽後表示, 庭畢另嗆) say how or when someone spoke: the person the
 * sentence before is about speaks. */
START_TEST(manner_or_time_before_verb_is_the_subject_before) {
  SPEAKERS("被告張志豪昨天出庭應訊。庭畢另嗆「檢方辦案草率」。\n", "張志豪");
  SPEAKERS("市长刘建新昨天接受采访。赛后表示，自己还能再干十年。\n", "刘建新");
}
END_TEST

int main(void) {
  Suite *s = suite_create("speakers");
  TCase *tc = tcase_create("speakers");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, tech_article);
  tcase_add_test(tc, pronoun_takes_latest_person);
  tcase_add_test(tc, pronoun_it_takes_organisation);
  tcase_add_test(tc, statements_and_outlets_speak_for_their_issuer);
  tcase_add_test(tc, aliases_and_variants);
  tcase_add_test(tc, listed_people_and_organisations);
  tcase_add_test(tc, context_speaker_for_bare_quote);
  tcase_add_test(tc, institutions_with_dates);
  tcase_add_test(tc, office_titles_chain_to_name);
  tcase_add_test(tc, surname_alone_is_known_person);
  tcase_add_test(tc, firms_sides_and_forms_of_address);
  tcase_add_test(tc, bare_title_is_its_holder);
  tcase_add_test(tc, short_and_full_names_of_organisations);
  tcase_add_test(tc, organisation_name_without_what_precedes_it);
  tcase_add_test(tc, common_word_after_title_is_no_name);
  tcase_add_test(tc, surname_and_predicate_is_no_name);
  tcase_add_test(tc, bare_organisation_word_is_the_body_named);
  tcase_add_test(tc, joined_organisations_speak_together);
  tcase_add_test(tc, surname_role_and_side_modal);
  tcase_add_test(tc, bare_short_organisation_word_is_the_body_named);
  tcase_add_test(tc, headline_group_is_the_body_named);
  tcase_add_test(tc, meeting_after_name_is_no_council);
  tcase_add_test(tc, titled_name_before_time_word);
  tcase_add_test(tc, manner_or_time_before_verb_is_the_subject_before);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
