/* Stage 7, stance: one rule at a time, on passages composed for the test
 * (both scripts; economy, health, sports, politics, technology).
 *
 * Each passage is judged by the stance stage alone: the whole text is made
 * one passage, so these tests do not depend on how passages are found. One
 * test at the end runs the whole pipeline on a quoted passage. */
#include "tests_common.h"

#include <unistd.h>

static lichang_lexicon *lex;
static lichang_tagger *tg;

static void setup(void) {
  lichang_error err;
  ck_assert_int_eq(lichang_lexicon_builtin(&lex, &err), 0);
  ck_assert_int_eq(lichang_tagger_new(&tg, lex, NULL, &err), 0);
}

static void teardown(void) {
  lichang_tagger_free(tg);
  lichang_lexicon_free(lex);
}

/* Tags text with the whole of it as the one passage (its attribution verb
 * negated when `negated`). */
static lichang_doc *judge_as(lichang_tagger *t, const char *text,
                             bool negated) {
  lichang_doc *doc;
  lichang_error err;
  ck_assert_int_eq(lichang_tag(&doc, t, text, strlen(text), &err), 0);
  lichang_quote *q = doc->quotes.data;
  for (size_t i = 0; i < doc->quotes.len; i++) {
    lichang__vec_free(&q[i].targets);
    lichang__vec_free(&q[i].evidence);
  }
  doc->quotes.len = 0;
  q = lichang__vec_push(&doc->quotes);
  ck_assert_ptr_nonnull(q);
  q->start = 0;
  q->end = (uint32_t)doc->text.n;
  q->span.start = 0;
  q->span.end = doc->len;
  q->speaker = "";
  q->speaker_cp = -1;
  q->targets.size = sizeof(const char *);
  q->evidence.size = sizeof(lichang_evidence);
  q->negated = negated;
  ck_assert_int_eq(lichang__stance(t, doc), 0);
  return doc;
}

static lichang_doc *judge_with(lichang_tagger *t, const char *text) {
  return judge_as(t, text, false);
}

static lichang_doc *judge(const char *text) { return judge_with(tg, text); }

static lichang_stance stance_of(const char *text, double *score) {
  lichang_doc *doc = judge(text);
  lichang_stance s = lichang_quote_stance(lichang_doc_quote(doc, 0), score);
  lichang_doc_free(doc);
  return s;
}

#define ck_stance(text, want)                                                 \
  do {                                                                         \
    double sc_ = -1;                                                           \
    lichang_stance got_ = stance_of(text, &sc_);                               \
    ck_assert_msg(got_ == (want), "%s: got %s, want %s", text,                 \
                  lichang_stance_name(got_), lichang_stance_name(want));       \
    ck_assert(sc_ >= 0 && sc_ <= 1);                                           \
  } while (0)

/* The first evidence whose article text is `term`, or NULL. */
static const lichang_evidence *evidence_at(const lichang_doc *doc,
                                           const char *text, const char *term) {
  const lichang_quote *q = lichang_doc_quote(doc, 0);
  for (size_t i = 0; i < lichang_quote_evidence_count(q); i++) {
    const lichang_evidence *ev = lichang_quote_evidence(q, i);
    size_t n = ev->span.end - ev->span.start;
    if (n == strlen(term) && memcmp(text + ev->span.start, term, n) == 0)
      return ev;
  }
  return NULL;
}

/* In text t, the passage's evidence at `term` says want (by rule, when
 * rule is not NULL). */
static void ck_evidence(const char *t, const char *term, lichang_stance want,
                        const char *rule) {
  lichang_doc *doc = judge(t);
  const lichang_evidence *ev = evidence_at(doc, t, term);
  ck_assert_msg(ev != NULL, "%s: no evidence at %s", t, term);
  ck_assert_int_eq(ev->stance, want);
  if (rule)
    ck_assert_str_eq(ev->rule, rule);
  lichang_doc_free(doc);
}

START_TEST(no_evidence_is_neutral) {
  ck_stance("市議會將於下週二上午召開會議，議程包括預算和交通兩項。",
            LICHANG_NEUTRAL);
  ck_stance("球队今天上午在主场进行了一个半小时的训练，随后前往机场。",
            LICHANG_NEUTRAL);
  lichang_doc *doc = judge("这份报告共有三章，分别介绍了样本、方法和结论。");
  const lichang_quote *q = lichang_doc_quote(doc, 0);
  double score;
  ck_assert_int_eq(lichang_quote_stance(q, &score), LICHANG_NEUTRAL);
  ck_assert_uint_eq(lichang_quote_evidence_count(q), 0);
  ck_assert(score > 0.5); /* no evidence at all: fairly sure */
  lichang_doc_free(doc);
}
END_TEST

START_TEST(plain_terms) {
  ck_stance("今年一季度出口強勁增長，全年前景光明。", LICHANG_OPTIMISTIC);
  ck_stance("新药在三期试验中疗效显著，是一个里程碑。", LICHANG_OPTIMISTIC);
  ck_stance("這家車企連續三年巨虧，市場份額持續萎縮。", LICHANG_SKEPTICAL);
  ck_stance("现在下结论还为时尚早，我们需要更多数据。", LICHANG_CAUTIOUS);
  ck_evidence("這是一個里程碑。", "里程碑", LICHANG_OPTIMISTIC, "lexicon");
}
END_TEST

/* Wire copy judges in general words: condemnation and harm, praise. */
START_TEST(general_news_evaluation) {
  ck_stance("該法案嚴重違反憲法精神，將對公民權利造成損害。", LICHANG_SKEPTICAL);
  ck_stance("这种做法漠视法律程序，后果令人失望。", LICHANG_SKEPTICAL);
  ck_stance("全队表现出色，年轻球员的进步令人鼓舞。", LICHANG_OPTIMISTIC);
  ck_stance("救援工作進展順利，災民已圓滿安置。", LICHANG_OPTIMISTIC);
}
END_TEST

/* Statements, commentary and opposition politics judge in general words:
 * regret, folly, groundless claims, harm to livelihoods and prices, and,
 * the other way, reassurance, harm kept small, praise and confidence. */
START_TEST(news_judgements) {
  ck_stance("對方的決定令人遺憾，這種做法既魯莽又毫無依據。", LICHANG_SKEPTICAL);
  ck_stance("这项政策极其愚蠢，将削弱两国的互信。", LICHANG_SKEPTICAL);
  ck_stance("这一措施缺乏科学依据，也不符合国际规则。", LICHANG_SKEPTICAL);
  ck_stance("新規上路後將衝擊中小企業的生計。", LICHANG_SKEPTICAL);
  ck_stance("关税将推高物价，家庭的生活成本随之上升。", LICHANG_SKEPTICAL);
  ck_stance("今年觀光收入可能減少三成。", LICHANG_SKEPTICAL);
  ck_stance("局势的不确定性将长期拖累全球经济。", LICHANG_SKEPTICAL);
  ck_stance("民眾極不歡迎這項收費政策。", LICHANG_SKEPTICAL);
  ck_stance("兩項工程可以同時進行，不會互相影響。", LICHANG_OPTIMISTIC);
  ck_stance("改线后施工费用会增加，但对居民的干扰可以降到最低。",
            LICHANG_OPTIMISTIC);
  ck_stance("志愿者的付出值得称赞，我们对项目的成果充满信心。",
            LICHANG_OPTIMISTIC);
  ck_stance("今年招商成果豐碩，出口訂單明顯增長。", LICHANG_OPTIMISTIC);
  ck_stance("補助怎麼發放目前尚未有定案。", LICHANG_CAUTIOUS);
  /* what an obstacle stands in the way of is no praise */
  ck_stance("这些单方面措施是贸易往来与共同繁荣的障碍。", LICHANG_SKEPTICAL);
  ck_stance("新法上路後將成為產業升級的絆腳石。", LICHANG_SKEPTICAL);
  /* a conflict escalating or easing, a burden heavier or lighter */
  ck_stance("双方的贸易摩擦可能进一步升级。", LICHANG_SKEPTICAL);
  ck_stance("邊境的緊張局勢已明顯降溫。", LICHANG_OPTIMISTIC);
  ck_stance("新稅制將加重中產家庭的負擔。", LICHANG_SKEPTICAL);
  ck_stance("这项补贴可以减轻农户的压力。", LICHANG_OPTIMISTIC);
  ck_stance("預計明年通膨將被推高，經濟增速被拉低。", LICHANG_SKEPTICAL);
  /* a right denied is one word: its 没有 does not reach the next verdict */
  ck_stance("任何机构都没有权利对法院的判决指手画脚。", LICHANG_SKEPTICAL);
  ck_stance("外界的說法並非事實，完全是斷章取義。", LICHANG_SKEPTICAL);
  /* a worry or risk receding is good news; a goal reached, too */
  ck_stance("市場原本的擔憂已經消退，投資人的風險也已降低。", LICHANG_OPTIMISTIC);
  ck_stance("公司可望提前完成今年的营收目标。", LICHANG_OPTIMISTIC);
  ck_stance("罚款不是目的，而是要让业者守规矩。", LICHANG_SKEPTICAL);
  /* a reproachful or sarcastic question */
  ck_stance("既然資料都在手上，市府為何遲遲不公布？", LICHANG_SKEPTICAL);
  ck_stance("这一年来，他们为居民做过什么实事？", LICHANG_SKEPTICAL);
  /* 没有关系 ending a clause: never mind, unless two things are compared */
  ck_stance("第一次上場難免緊張，輸了也沒有關係。", LICHANG_OPTIMISTIC);
  ck_stance("這次停電和天氣沒有關係。", LICHANG_SKEPTICAL);
  /* a harm beyond expectations; a strain turned into a force for good */
  ck_stance("这次罢工造成的损失远超预期。", LICHANG_SKEPTICAL);
  ck_stance("只要方法對，壓力也可以轉化為前進的動力。", LICHANG_OPTIMISTIC);
  /* nothing to be done, ending a clause: resignation; mid-clause a denial */
  ck_stance("如果天氣不配合，那也是沒有辦法。", LICHANG_CAUTIOUS);
  ck_stance("这种做法根本没有办法解决问题。", LICHANG_SKEPTICAL);
  /* too late, too slow: a fault found */
  ck_stance("這項補助公告得太晚了，很多家庭來不及申請。", LICHANG_SKEPTICAL);
  /* cannot go on; it takes time, or waits on something else */
  ck_stance("房租一直漲，小店快撐不下去了。", LICHANG_SKEPTICAL);
  ck_stance("新制度要花幾年時間才能看到成效。", LICHANG_CAUTIOUS);
  /* advice to watch, to wait, not to relax: cautious */
  ck_stance("投資人要特別留意匯率的變化。", LICHANG_CAUTIOUS);
  ck_stance("疫情虽然好转，但我们绝不能掉以轻心。", LICHANG_CAUTIOUS);
  ck_stance("我不知道下一步會怎樣，只能等待機會。", LICHANG_CAUTIOUS);
  /* a shock to an industry is no harm by itself: new products bring one */
  ck_stance("这款产品上市带来的冲击，业内都看到了。", LICHANG_NEUTRAL);
}
END_TEST

/* What critics, officials and commentators say in any news topic: blame
 * for inaction, limited results, warnings amid good news, not knowing,
 * slowing growth; and, the other way, praise and dreams fulfilled. */
START_TEST(news_speech_vocabulary) {
  ck_stance("颱風都過了兩天，我們完全看不到縣府的具體作為。", LICHANG_SKEPTICAL);
  ck_stance("主管部门根本没把居民的投诉当一回事。", LICHANG_SKEPTICAL);
  ck_stance("這些補救措施成效非常有限，民眾已經無法忍受。", LICHANG_SKEPTICAL);
  ck_stance("这项决定实在太离谱了，对年轻球员很不公平。", LICHANG_SKEPTICAL);
  ck_stance("所谓的协议只是一纸空文。", LICHANG_SKEPTICAL);
  ck_stance("今年出口增速已从去年的百分之九降至百分之四。", LICHANG_SKEPTICAL);
  ck_stance("越是在乐观的气氛中，越要保持清醒和冷静，未雨绸缪。",
            LICHANG_CAUTIOUS);
  ck_stance("我真的不知道這座新醫院明年能不能如期開工。", LICHANG_CAUTIOUS);
  ck_stance("市場看好固然是好事，但銀行恐面臨較大的壓力。", LICHANG_CAUTIOUS);
  ck_stance("這位選手的表現了不起，為家鄉爭得了榮耀。", LICHANG_OPTIMISTIC);
  ck_stance("这座大桥圆了两岸村民几十年的通车梦想。", LICHANG_OPTIMISTIC);
  ck_stance("新航线对沿线的旅游业都有好处。", LICHANG_OPTIMISTIC);
  ck_stance("厂区停电半天，但生产线未受影响。", LICHANG_OPTIMISTIC);
  /* 必将 and 注定 are as sure of failure as of success */
  ck_stance("这种霸凌做法必将失败。", LICHANG_SKEPTICAL);
  ck_stance("兩國合作必將迎來新的機遇。", LICHANG_OPTIMISTIC);
  /* to take on a target is ambition, not difficulty */
  ck_stance("公司年底前要挑战两百万用户。", LICHANG_OPTIMISTIC);
  /* policy words strewn in a directive state aims, not an outlook */
  ck_stance("要推动产业创新，提升服务水平，加快重要领域改革。", LICHANG_NEUTRAL);
  ck_stance("新港口極大地促進了當地的貿易往來。", LICHANG_OPTIMISTIC);
  /* an if-clause only supposes what it says; the speaker's own worry */
  ck_stance("如果谈判失败，我们会另想办法。", LICHANG_NEUTRAL);
  ck_stance("我們很擔心物價漲幅過大。", LICHANG_SKEPTICAL);
  ck_stance("是否需要修法，还需要审慎评估。", LICHANG_CAUTIOUS);
  ck_stance("手術很順利，病人已脫離危險。", LICHANG_OPTIMISTIC);
  ck_stance("面板市場衰退趨緩，價格逐步回穩。", LICHANG_OPTIMISTIC);
  /* a weak negator before a phrase makes a warning of it, as for terms */
  ck_stance("呼吁各方避免冲突升级。", LICHANG_CAUTIOUS);
  ck_stance("两国始终相互支持，树立了非中关系的典范。", LICHANG_OPTIMISTIC);
  ck_stance("一旦發動進攻，將是一場人道主義災難。", LICHANG_SKEPTICAL);
}
END_TEST

/* A prohibition (不要, 别, 不应) flips praise, as any negator does, but
 * warning against a harm names it as a harm; told not to worry is
 * reassurance. */
START_TEST(prohibition_keeps_a_harm) {
  ck_stance("请大家不要乐观。", LICHANG_SKEPTICAL);
  ck_evidence("各部門不應浪費公帑。", "浪費", LICHANG_SKEPTICAL, NULL);
  ck_stance("专家提醒民众不必恐慌，疫情总体可控。", LICHANG_OPTIMISTIC);
  ck_stance("請大家別擔心，存款都有保障。", LICHANG_OPTIMISTIC);
}
END_TEST

START_TEST(negation_flips) {
  ck_stance("這種新藥並不能改善病人的症狀。", LICHANG_SKEPTICAL);
  ck_stance("我们对这支球队下赛季的表现并不乐观。", LICHANG_SKEPTICAL);
  ck_stance("這個模型根本無法理解真實的物理世界。", LICHANG_SKEPTICAL);
  ck_stance("选民并不担心新政府的财政政策。", LICHANG_OPTIMISTIC);
  /* the negator reaches a few words into its clause, not past it */
  ck_evidence("改革沒有取得什麼成效，但經濟已經開始好轉。", "好轉",
              LICHANG_OPTIMISTIC, "lexicon");
  /* ICU glues the negator to the word before it here (他不|认为) */
  ck_stance("他不認為這次峰會能夠取得實質性進展。", LICHANG_SKEPTICAL);
  /* a weak negator leaves doubt, not denial */
  ck_stance("这笔投资未必能成功。", LICHANG_CAUTIOUS);
}
END_TEST

START_TEST(directive_governs_its_sentence) {
  /* 要 opening a clause governs the clauses that follow in its sentence */
  ck_stance("要加快建設新的碼頭，擴大貨運規模，著力改善港區環境。",
            LICHANG_NEUTRAL);
  /* not past the end of the sentence */
  ck_stance("要加快建設新的碼頭。港區的環境已經大為改善。",
            LICHANG_OPTIMISTIC);
  /* nor past a turn */
  ck_stance("要加快建設新的碼頭，但港區的前景堪憂。", LICHANG_SKEPTICAL);
  /* a condition keeps to its own clause */
  ck_stance("如果談判失敗，兩國經濟都將嚴重衰退。", LICHANG_SKEPTICAL);
}
END_TEST

START_TEST(foreboding_hedge_alone) {
  /* 恐 hedges like 可能, but alone it foretells a harm */
  ck_evidence("這種塑膠玩具恐對幼童有害。", "恐", LICHANG_SKEPTICAL, "hedge");
  ck_stance("這種塑膠玩具恐對幼童有害。", LICHANG_SKEPTICAL);
  ck_stance("新線開通後恐成為冷清的路線。", LICHANG_SKEPTICAL);
  /* a plain hedge alone is still caution */
  ck_evidence("明年的訂單也許會再調整。", "也許", LICHANG_CAUTIOUS, "hedge");
  /* with other evidence in its clause it only hedges it */
  ck_stance("出口增加固然可喜，但廠商恐面臨較大的壓力。", LICHANG_CAUTIOUS);
}
END_TEST

START_TEST(negation_of_an_attribute) {
  /* 不X的Y: 不 negates the attribute X, not the harm after 的 */
  ck_evidence("不友善的態度傷害了兩國的關係。", "傷害", LICHANG_SKEPTICAL,
              "lexicon");
  ck_stance("不友善的態度傷害了兩國的關係。", LICHANG_SKEPTICAL);
  ck_evidence("這群志工創下了不平凡的成就。", "成就", LICHANG_OPTIMISTIC,
              "lexicon");
  /* 沒有 and 並不是 still deny what follows 的 */
  ck_stance("這次會談沒有真正的突破。", LICHANG_SKEPTICAL);
  ck_stance("那並不是技術的突破。", LICHANG_SKEPTICAL);
}
END_TEST

START_TEST(double_negation_restores) {
  ck_stance("這項改革並非不可能成功。", LICHANG_OPTIMISTIC);
  ck_stance("不可能成功。", LICHANG_SKEPTICAL);
  ck_stance("我们对明年的增长不是不乐观。", LICHANG_OPTIMISTIC);
  const char *t = "这个赛季，主队并非没有夺冠的希望。";
  lichang_doc *doc = judge(t);
  const lichang_quote *q = lichang_doc_quote(doc, 0);
  ck_assert_int_ne(lichang_quote_stance(q, NULL), LICHANG_SKEPTICAL);
  lichang_doc_free(doc);
}
END_TEST

START_TEST(contrast_after_turn_wins) {
  ck_stance("這款手機的設計很出色，但電池續航令人失望，銷量持續下滑。",
            LICHANG_SKEPTICAL);
  ck_stance("市场短期内出现了恐慌和下跌，然而长期来看前景广阔。",
            LICHANG_OPTIMISTIC);
  ck_stance("球隊上半場表現出色，不過下半場體能明顯下降，最終慘敗。",
            LICHANG_SKEPTICAL);
  /* and 但 to the word after it (但在) */
  ck_stance("双方达成了一些共识，但在核心问题上仍然存在很大分歧，能否达成协议"
            "还很难说。",
            LICHANG_CAUTIOUS);
  /* the same words without the turn lean the other way */
  const char *t = "這款手機的設計很出色，電池續航令人失望。";
  const char *u = "這款手機的設計很出色，但電池續航令人失望。";
  lichang_doc *a = judge(t), *b = judge(u);
  const lichang_evidence *ea = evidence_at(a, t, "出色");
  const lichang_evidence *eb = evidence_at(b, u, "出色");
  ck_assert_ptr_nonnull(ea);
  ck_assert_ptr_nonnull(eb);
  ck_assert(eb->weight < ea->weight);
  ck_assert(evidence_at(b, u, "令人失望")->weight >
            evidence_at(a, t, "令人失望")->weight);
  lichang_doc_free(a);
  lichang_doc_free(b);
}
END_TEST

START_TEST(concession_is_outweighed) {
  ck_stance("雖然這項技術仍有不少缺陷，但它無疑是一次重大突破。",
            LICHANG_OPTIMISTIC);
  ck_stance("诚然，新政策带来了一些便利和积极意义。然而，执行效果令人失望，"
            "财政压力持续恶化。",
            LICHANG_SKEPTICAL);
  /* without a contrast marker the clause after the concession carries it */
  ck_stance("虽然困难很多，我们对明年的经济增长充满信心。", LICHANG_OPTIMISTIC);
  ck_stance("儘管球隊近期表現出色，這個賽季恐怕注定要失敗。",
            LICHANG_SKEPTICAL);
}
END_TEST

START_TEST(hedges) {
  /* a hedged positive claim stays optimistic, but weighs less */
  const char *t = "這種療法可能會帶來突破性的進展。";
  const char *u = "這種療法會帶來突破性的進展。";
  lichang_doc *a = judge(t), *b = judge(u);
  ck_assert_int_eq(lichang_quote_stance(lichang_doc_quote(a, 0), NULL),
                   LICHANG_OPTIMISTIC);
  ck_assert(evidence_at(a, t, "突破性")->weight <
            evidence_at(b, u, "突破性")->weight);
  lichang_doc_free(a);
  lichang_doc_free(b);
  /* a hedge in a clause with nothing else to say: cautious */
  ck_stance("明年的房价走势或许还会有变化。", LICHANG_CAUTIOUS);
  ck_stance("這項政策的效果也許要等幾年才能看清楚。", LICHANG_CAUTIOUS);
  lichang_doc *c = judge("明年的房价走势或许还会有变化。");
  const lichang_quote *q = lichang_doc_quote(c, 0);
  ck_assert_uint_eq(lichang_quote_evidence_count(q), 1);
  ck_assert_str_eq(lichang_quote_evidence(q, 0)->rule, "hedge");
  lichang_doc_free(c);
}
END_TEST

START_TEST(intensifiers_strengthen) {
  const char *t = "分析師對明年的前景非常樂觀。";
  const char *u = "分析師對明年的前景樂觀。";
  lichang_doc *a = judge(t), *b = judge(u);
  const lichang_evidence *ea = evidence_at(a, t, "樂觀");
  const lichang_evidence *eb = evidence_at(b, u, "樂觀");
  ck_assert_ptr_nonnull(ea);
  ck_assert_ptr_nonnull(eb);
  ck_assert(ea->weight > eb->weight);
  lichang_doc_free(a);
  lichang_doc_free(b);
  /* a downtoner weakens */
  t = "这项技术有点落后。";
  u = "这项技术落后。";
  a = judge(t);
  b = judge(u);
  ck_assert(evidence_at(a, t, "落后")->weight <
            evidence_at(b, u, "落后")->weight);
  lichang_doc_free(a);
  lichang_doc_free(b);
}
END_TEST

START_TEST(aims_are_no_outlook) {
  /* what is needed or striven for is a goal, not a forecast */
  ck_stance("這項技術需要突破。", LICHANG_NEUTRAL);
  ck_stance("这家工厂力争实现稳步增长。", LICHANG_NEUTRAL);
  ck_stance("这家工厂实现了稳步增长。", LICHANG_OPTIMISTIC);
  /* a directive states an aim too; 还要 compares */
  ck_stance("要进一步挖掘农村市场的消费潜力。", LICHANG_NEUTRAL);
  ck_stance("這種新病毒比以往的病毒還要危險。", LICHANG_SKEPTICAL);
  /* but caution needed is caution: the need to wait is the point */
  ck_stance("我們需要再觀察兩三年。", LICHANG_CAUTIOUS);
  ck_stance("投资者要保持谨慎。", LICHANG_CAUTIOUS);
}
END_TEST

START_TEST(graded_base_word_is_a_claim) {
  /* a base word alone says little; graded by an intensifier it is a
   * verdict (非常重要), in either direction */
  ck_stance("這座新港口對整個區域的貿易重要。", LICHANG_NEUTRAL);
  ck_stance("這座新港口對整個區域的貿易非常重要。", LICHANG_OPTIMISTIC);
  ck_stance("今年冬天的流感疫情十分严重。", LICHANG_SKEPTICAL);
  const char *t = "这座新港口对整个区域的贸易非常重要。";
  ck_evidence(t, "重要", LICHANG_OPTIMISTIC, "lexicon");
  /* a discourse frame announces a point and grades nothing */
  ck_stance("更重要的是，委員會下週將公布調查的細節。", LICHANG_NEUTRAL);
}
END_TEST

START_TEST(rejected_report_counts_for_the_rejection) {
  ck_stance("有人說這家公司前景光明，增長強勁，我認為這種說法完全是錯誤的。",
            LICHANG_SKEPTICAL);
  ck_stance("一些官员一上来就说，新医改已经大获成功、成效显著，"
            "我想这种观点一定是错误的。",
            LICHANG_SKEPTICAL);
  ck_stance("教練說球隊一定能奪冠，實力遙遙領先，我不同意他的看法。",
            LICHANG_SKEPTICAL);
  ck_stance("很多人说房价明年会反弹，我认为这种看法太乐观了。",
            LICHANG_SKEPTICAL);
  ck_stance("外界普遍擔心出口會大幅下滑，我覺得這種看法過於悲觀。",
            LICHANG_OPTIMISTIC);
  const char *t = "有人說經濟已經全面復蘇，我認為這種說法是錯誤的。";
  lichang_doc *doc = judge(t);
  const lichang_evidence *ev = evidence_at(doc, t, "復蘇");
  ck_assert_ptr_nonnull(ev);
  ck_assert(ev->weight < 0.5); /* the reported words count for little */
  lichang_doc_free(doc);
}
END_TEST

/* 陈然并不认为X: the passage is X, and the speaker denies it. */
START_TEST(negated_attribution_denies) {
  static const struct {
    const char *text;
    lichang_stance want;
  } cases[] = {
      {"這種模型可以模擬真實的物理世界", LICHANG_SKEPTICAL}, /* a plain claim */
      {"新政策是一次重大突破", LICHANG_SKEPTICAL},
      {"经济会陷入衰退", LICHANG_OPTIMISTIC}, /* denying a bleak outlook */
      {"这支球队今年有希望夺冠", LICHANG_SKEPTICAL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    lichang_doc *doc = judge_as(tg, cases[i].text, true);
    const lichang_quote *q = lichang_doc_quote(doc, 0);
    ck_assert_msg(lichang_quote_stance(q, NULL) == cases[i].want,
                  "%s: got %s", cases[i].text,
                  lichang_stance_name(lichang_quote_stance(q, NULL)));
    size_t n = lichang_quote_evidence_count(q);
    ck_assert_uint_ge(n, 1);
    bool denial = false;
    for (size_t k = 0; k < n; k++)
      denial |= !strcmp(lichang_quote_evidence(q, k)->rule,
                        "negated attribution");
    ck_assert(denial);
    lichang_doc_free(doc);
  }
}
END_TEST

START_TEST(phrase_rules) {
  const char *t = "我们离全面复苏还很远。";
  lichang_doc *doc = judge(t);
  const lichang_quote *q = lichang_doc_quote(doc, 0);
  ck_assert_int_eq(lichang_quote_stance(q, NULL), LICHANG_SKEPTICAL);
  ck_assert_uint_ge(lichang_quote_evidence_count(q), 1);
  const lichang_evidence *ev = lichang_quote_evidence(q, 0);
  ck_assert_str_eq(ev->rule, "phrase");
  ck_assert(ev->span.start < ev->span.end && ev->span.end <= strlen(t));
  lichang_doc_free(doc);
  ck_stance("這次合作既有機遇，也有不小的風險。", LICHANG_CAUTIOUS);
  ck_stance("两国之间的差距越来越大。", LICHANG_SKEPTICAL);
  ck_stance("人類距離攻克這種疾病已經不遠了。", LICHANG_OPTIMISTIC);
  ck_stance("連基本的預算都沒有，怎麼可能在兩年內完成？", LICHANG_SKEPTICAL);
  ck_stance("我们已经渡过了最困难的阶段，经济正在稳步复苏。",
            LICHANG_OPTIMISTIC);
}
END_TEST

START_TEST(balanced_is_cautious) {
  /* removing an obstacle is progress; failing to is not */
  ck_stance("这项协议将为两国贸易扫除主要障碍。", LICHANG_OPTIMISTIC);
  ck_stance("新制度打破了部門之間的壁壘。", LICHANG_OPTIMISTIC);
  ck_stance("目前仍无法消除技术障碍。", LICHANG_SKEPTICAL);
  ck_stance("新政策有积极意义，也有明显的弊端。", LICHANG_CAUTIOUS);
  ck_stance("這場比賽我們的進攻很出色，防守卻很糟糕。", LICHANG_SKEPTICAL);
}
END_TEST

START_TEST(targets_are_topic_labels_once) {
  const char *t = "人工智能的發展很快，AI晶片也在進步。";
  lichang_doc *doc = judge(t);
  const lichang_quote *q = lichang_doc_quote(doc, 0);
  size_t ai = 0;
  for (size_t i = 0; i < lichang_quote_target_count(q); i++)
    ai += strcmp(lichang_quote_target(q, i), "AI") == 0;
  ck_assert_uint_eq(ai, 1);
  lichang_doc_free(doc);
}
END_TEST

/* A phrase rule that backtracks without end is stopped by the tagger's match
 * limit: skipped for the passage, with a warning, and the rest goes on. */
START_TEST(runaway_rule_is_skipped_with_warning) {
  char dir[] = "/tmp/lichang-stance-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[256];
  snprintf(path, sizeof path, "%s/rules.txt", dir);
  FILE *f = fopen(path, "w");
  fputs("skeptical\t1.0\t(a|aa)+(a|aa)+$\t# runaway\n"
        "optimistic\t1.0\t突破\t# plain\n",
        f);
  fclose(f);
  lichang_lexicon *lx;
  lichang_tagger *t;
  lichang_error err;
  ck_assert_int_eq(lichang_lexicon_load(&lx, dir, &err), 0);
  ck_assert_int_eq(lichang_tagger_new(&t, lx, NULL, &err), 0);
  char text[200] = "突破";
  memset(text + strlen(text), 'a', 60);
  strcat(text, "。");
  lichang_doc *doc = judge_with(t, text);
  ck_assert_uint_ge(lichang_doc_warning_count(doc), 1);
  ck_assert_ptr_nonnull(strstr(lichang_doc_warning(doc, 0), "rules.txt:1"));
  ck_assert_ptr_nonnull(strstr(lichang_doc_warning(doc, 0), "skipped"));
  ck_assert_int_eq(lichang_quote_stance(lichang_doc_quote(doc, 0), NULL),
                   LICHANG_OPTIMISTIC);
  lichang_doc_free(doc);
  lichang_tagger_free(t);
  lichang_lexicon_free(lx);
  remove(path);
  rmdir(dir);
}
END_TEST

/* ---- the rule prefilter (lib/prefilter.c) ---- */

/* The clauses the prefilter derives for a pattern, as text. */
static void ck_clauses(const char *pattern, const char *want) {
  lc_buf b = {0};
  ck_assert_int_eq(lichang__prefilter_describe(&b, pattern, strlen(pattern)),
                   0);
  ck_assert_msg(strcmp(b.data, want) == 0, "%s: got %s, want %s", pattern,
                b.data, want);
  lichang__buf_free(&b);
}

/* Every match must contain a literal of every clause: mandatory groups
 * give their alternatives, literal runs and optional parts concatenate,
 * a longer literal holding a shorter one of its clause is dropped, gaps
 * and wide classes require nothing. */
START_TEST(prefilter_derives_literals) {
  ck_clauses("(离|距离)[^,.;:!?。]{0,10}还(很|非常)?远",
             "{离} & {还远|还很远|还非常远}");
  ck_clauses("不会(超过|太久)", "{不会太久|不会超过}");
  ck_clauses("有望", "{有望}");
  ck_clauses("[0-9]{1,2}年(内|以内)",
             "{0|1|2|3|4|5|6|7|8|9} & {年内|年以内}");
  ck_clauses("(前景|未来)[^,]{1,4}(光明|可期)+",
             "{前景|未来} & {光明|可期}");
  ck_clauses("怎么(可能|能)[^。]{0,4}\\?", "{怎么能|怎么可能} & {?}");
  ck_clauses("(还)?(需要|要)[^,]{0,3}几十年", "{要} & {几十年}");
  ck_clauses("(?<turn>)(观点|看法)[^,]{0,8}(是)?错误",
             "{看法|观点} & {错误}");
  /* a character with case mappings other than ASCII's is no literal */
  ck_clauses("É好", "{好}");
}
END_TEST

/* Lookbehinds and lookaheads match no characters: what they hold is not
 * required, what surrounds them still is. */
START_TEST(prefilter_skips_lookarounds) {
  ck_clauses("(?<!没)(?<!不)有信心", "{有信心}");
  ck_clauses("(?<!不会在)(几|两三)年内", "{几年内|两三年内}");
  ck_clauses("方向(是)?正确(?=[,.]|$)", "{方向正确|方向是正确}");
}
END_TEST

/* A tagger over a lexicon of only the phrase rules in `rules`. */
static lichang_tagger *rules_tagger(const char *rules, lichang_lexicon **lx) {
  lichang_tagger *t;
  lichang_error err;
  ck_assert_int_eq(lichang__lexicon_parse_buffer(lx, "rules.txt", rules,
                                                 strlen(rules), &err),
                   0);
  ck_assert_int_eq(lichang_tagger_new(&t, *lx, NULL, &err), 0);
  return t;
}

/* A tagger over only `rules` finds evidence at `term` in text. */
static void ck_rule_hits(const char *rules, const char *text,
                         const char *term) {
  lichang_lexicon *lx;
  lichang_tagger *t = rules_tagger(rules, &lx);
  lichang_doc *doc = judge_with(t, text);
  ck_assert_msg(evidence_at(doc, text, term) != NULL, "%s: no evidence at %s",
                text, term);
  lichang_doc_free(doc);
  lichang_tagger_free(t);
  lichang_lexicon_free(lx);
}

/* Rules are compiled caseless over lower-cased text: Latin literals are
 * lower-cased, and the rule matches the passage in any case. */
START_TEST(prefilter_caseless_latin) {
  ck_clauses("AI(泡沫|寒冬)", "{ai寒冬|ai泡沫}");
  ck_rule_hits("skeptical\t2.0\tAI(泡沫|寒冬)\t# ai winter\n",
               "分析師警告，新一輪Ai泡沫可能在明年破裂。", "Ai泡沫");
}
END_TEST

/* Syntax the analyser does not follow (a backreference, inline options,
 * \p) makes the rule run on every passage, so it still matches. */
START_TEST(prefilter_unknown_syntax_always_runs) {
  ck_clauses("(很)\\1难", "always");
  ck_clauses("(?i)前景光明", "always");
  ck_clauses("\\p{Han}{2}堪忧", "always");
  ck_clauses("好转|[^,]", "always"); /* a branch that requires nothing */
  ck_rule_hits("cautious\t2.0\t(?i)形势(很)\\1严峻\t# odd\n",
               "他坦言，當前形勢很很嚴峻。", "形勢很很嚴峻");
}
END_TEST

/* A rule runs only on passages holding its literals. Seen from outside
 * through a rule that backtracks without end on a run of a's: where its
 * literal 结束 or 完毕 is missing it is not run at all (no warning); where
 * one is there, it runs and is stopped by the match limit (a warning). */
START_TEST(prefilter_runs_rule_only_with_its_literals) {
  static const char rules[] =
      "skeptical\t1.0\t(a|aa)+(a|aa)+(结束|完毕)\t# runaway\n"
      "optimistic\t1.0\t突破\t# plain\n";
  ck_clauses("(a|aa)+(a|aa)+(结束|完毕)", "{a} & {完毕|结束}");
  lichang_lexicon *lx;
  lichang_tagger *t = rules_tagger(rules, &lx);
  char text[200] = "突破";
  memset(text + strlen(text), 'a', 60);
  strcat(text, "。");
  lichang_doc *doc = judge_with(t, text);
  ck_assert_uint_eq(lichang_doc_warning_count(doc), 0);
  ck_assert_int_eq(lichang_quote_stance(lichang_doc_quote(doc, 0), NULL),
                   LICHANG_OPTIMISTIC);
  lichang_doc_free(doc);
  strcat(text, "會議結束。"); /* folds to 结束 */
  doc = judge_with(t, text);
  ck_assert_uint_ge(lichang_doc_warning_count(doc), 1);
  ck_assert_ptr_nonnull(strstr(lichang_doc_warning(doc, 0), "rules.txt:1"));
  lichang_doc_free(doc);
  lichang_tagger_free(t);
  lichang_lexicon_free(lx);
}
END_TEST

/* The prefilter's one promise, checked against PCRE2 itself: on random
 * patterns of the rules' syntax over a small alphabet (both cases, Han,
 * punctuation) and random subjects, whenever the pattern matches, every
 * clause derived for it is found in the subject. */
static uint32_t lcg(uint32_t *state) {
  *state = *state * 1103515245u + 12345u;
  return *state >> 16;
}

static void random_pattern(lc_buf *b, uint32_t *st, int depth) {
  static const char *atoms[] = {"a",     "b",    "A",     "好",  "坏",
                                ",",     "[ab]", "[^,]",  "[a-c]", ".",
                                "\\d",   "\\?",  "B"};
  static const char *open[] = {"(", "(?:", "(?<n>", "(?=", "(?!", "(?<=",
                               "(?<!"};
  static const char *quant[] = {"?", "*", "+", "{0,2}", "{1,3}", "{2}",
                                "??", "*+", "{0}"};
  do {
    for (uint32_t n = lcg(st) % 5; n > 0; n--) {
      uint32_t k = lcg(st) % 7;
      if (lcg(st) % 20 < 12 || depth > 3)
        lichang__buf_puts(b, atoms[lcg(st) % 13]);
      else if (k >= 5) { /* lookbehinds: fixed length */
        lichang__buf_puts(b, open[k]);
        lichang__buf_puts(b, atoms[lcg(st) % 6]);
        lichang__buf_puts(b, ")");
      } else {
        lichang__buf_puts(b, open[k]);
        random_pattern(b, st, depth + 1);
        lichang__buf_puts(b, ")");
      }
      uint32_t q = lcg(st) % 12;
      if (q < 9)
        lichang__buf_puts(b, quant[q]);
    }
  } while (lcg(st) % 4 == 0 && lichang__buf_puts(b, "|") == 0);
}

START_TEST(prefilter_never_skips_a_match) {
  static const uint32_t alpha[] = {'a', 'b', 'A', 'B', 0x597D,
                                   0x574F, ',', '1', '?', 'c'};
  pcre2_match_data *md = pcre2_match_data_create(16, NULL);
  uint32_t st = 2024;
  size_t matched = 0, skipped = 0;
  for (int it = 0; it < 3000; it++) {
    lc_buf pat = {0};
    random_pattern(&pat, &st, 0);
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code =
        pat.data ? pcre2_compile((PCRE2_SPTR)pat.data, pat.len,
                                 PCRE2_UTF | PCRE2_CASELESS, &ec, &eo, NULL)
                 : NULL;
    if (!code) {
      lichang__buf_free(&pat);
      continue;
    }
    lc_prefilter pf = {0};
    uint32_t first, count;
    ck_assert_int_eq(
        lichang__prefilter_add(&pf, pat.data, pat.len, &first, &count), 0);
    for (int s = 0; s < 20; s++) {
      uint32_t cp[12], n = lcg(&st) % 12;
      lc_buf subject = {0};
      for (uint32_t i = 0; i < n; i++) {
        cp[i] = alpha[lcg(&st) % 10];
        lichang__buf_put_cp(&subject, cp[i]);
      }
      uint64_t found[4] = {0};
      lichang__prefilter_scan(&pf, cp, n, found);
      bool all = true;
      for (uint32_t c = first; c < first + count; c++)
        all &= (found[c >> 6] >> (c & 63)) & 1;
      int rc = pcre2_match(code, (PCRE2_SPTR)(subject.data ? subject.data : ""),
                           subject.len, 0, 0, md, NULL);
      matched += rc >= 0;
      skipped += !all;
      ck_assert_msg(rc < 0 || all, "%s matches %s, but the prefilter skips it",
                    pat.data, subject.data ? subject.data : "");
      lichang__buf_free(&subject);
    }
    lichang__prefilter_free(&pf);
    pcre2_code_free(code);
    lichang__buf_free(&pat);
  }
  pcre2_match_data_free(md);
  ck_assert_uint_gt(matched, 1000); /* the check checked something */
  ck_assert_uint_gt(skipped, 1000);
}
END_TEST

/* Through the whole pipeline: a quoted passage gets a stance, evidence with
 * spans inside the passage, and its speaker's summary. */
/* The verb that attributes a passage may judge it: 批評，X is blame and
 * 稱讚，X praise, whether X's own words judge or only report; a plain
 * verb of saying adds nothing, and another passage's verb is not this
 * one's. */
static lichang_stance first_quote_stance(const char *t, size_t want_quotes) {
  lichang_doc *doc = tag_with(lex, t);
  ck_assert_uint_eq(lichang_doc_quote_count(doc), want_quotes);
  lichang_stance s = lichang_quote_stance(lichang_doc_quote(doc, 0), NULL);
  lichang_doc_free(doc);
  return s;
}

START_TEST(attribution_verb_frames_the_passage) {
  ck_assert_int_eq(
      first_quote_stance("議員周志遠批評，縣府上週才公布新的補助辦法。", 1),
      LICHANG_SKEPTICAL);
  ck_assert_int_eq(
      first_quote_stance("教练吴建国称赞，年轻队员每天都按时到球场训练。", 1),
      LICHANG_OPTIMISTIC);
  ck_assert_int_eq(
      first_quote_stance("「縣府上週才公布新的補助辦法。」周志遠批評說。", 1),
      LICHANG_SKEPTICAL);
  { /* the evidence is the judging verb, not the 說 after it */
    const char *t = "「縣府上週才公布新的補助辦法。」周志遠批評說。";
    lichang_doc *doc = tag_with(lex, t);
    const lichang_quote *q = lichang_doc_quote(doc, 0);
    size_t n = lichang_quote_evidence_count(q);
    ck_assert_uint_ge(n, 1);
    const lichang_evidence *ev = lichang_quote_evidence(q, n - 1);
    ck_assert_str_eq(ev->rule, "attribution");
    ck_assert_int_eq(strncmp(t + ev->span.start, "批評", strlen("批評")), 0);
    ck_assert_uint_eq(ev->span.end - ev->span.start, strlen("批評"));
    lichang_doc_free(doc);
  }
  ck_assert_int_eq(
      first_quote_stance("議員周志遠表示，縣府上週公布了新的補助辦法。", 1),
      LICHANG_NEUTRAL);
  /* a plain verb said in a manner the lexicon judges */
  ck_assert_int_eq(
      first_quote_stance("議員周志遠無奈表示，縣府上週才公布新的補助辦法。", 1),
      LICHANG_SKEPTICAL);
  ck_assert_int_eq(
      first_quote_stance("教练吴建国乐观地说，年轻队员每天都按时到球场训练。", 1),
      LICHANG_OPTIMISTIC);
  /* blamed is not blaming, and another clause's verb is not this one's */
  ck_assert_int_eq(
      first_quote_stance("周志遠被批評後表示，縣府上週公布了新的補助辦法。", 1),
      LICHANG_NEUTRAL);
  ck_assert_int_eq(
      first_quote_stance("議會批評，周志遠表示，縣府上週公布了新的補助辦法。", 1),
      LICHANG_NEUTRAL);
  /* the next passage's verb, after a comma, is not this passage's */
  ck_assert_int_eq(
      first_quote_stance("周志遠表示：「縣府上週公布了新的補助辦法。」"
                         "林美華批評，「申請時間只有三天。」",
                         2),
      LICHANG_NEUTRAL);
}
END_TEST

START_TEST(pipeline_quote) {
  const char *t = "財政部長王立明表示：「今年的經濟增長非常強勁，前景光明。」";
  lichang_doc *doc = tag_with(lex, t);
  ck_assert_uint_ge(lichang_doc_quote_count(doc), 1);
  const lichang_quote *q = lichang_doc_quote(doc, 0);
  ck_assert_int_eq(lichang_quote_stance(q, NULL), LICHANG_OPTIMISTIC);
  lichang_span sp = lichang_quote_span(q);
  for (size_t i = 0; i < lichang_quote_evidence_count(q); i++) {
    const lichang_evidence *ev = lichang_quote_evidence(q, i);
    ck_assert(sp.start <= ev->span.start && ev->span.end <= sp.end);
  }
  lichang_doc_free(doc);
}
END_TEST

/* The speakers summary: a speaker's overall stance and the count per
 * label. */
START_TEST(rejected_means_and_demands_to_stop) {
  /* not the way to an end, and a demand that something stop, condemn it */
  ck_stance("這不是解決交通問題的辦法。", LICHANG_SKEPTICAL);
  ck_stance("对邻国的施压必须立即停止。", LICHANG_SKEPTICAL);
  /* not the only or the best way rejects nothing; a schedule is no demand */
  ck_stance("這並非唯一的辦法，市府還有別的選擇。", LICHANG_NEUTRAL);
  ck_stance("比赛将于下午三点停止售票。", LICHANG_NEUTRAL);
}
END_TEST

START_TEST(speaker_summary) {
  const char *t = "財政部長王立明表示：「今年的出口增長非常強勁，前景光明。」\n"
                  "王立明還說：「我們對明年的經濟增長充滿信心。」\n";
  lichang_doc *doc = tag_with(lex, t);
  char *json = lichang_doc_to_json(doc, "t", NULL);
  ck_assert_ptr_nonnull(
      strstr(json, "{\"name\":\"王立明\",\"quotes\":2,\"stance\":\"optimistic\","
                   "\"score\":1,\"stances\":{\"optimistic\":2,\"cautious\":0,"
                   "\"skeptical\":0,\"neutral\":0}}"));
  lichang_free(json);
  lichang_doc_free(doc);
}
END_TEST

int main(void) {
  Suite *s = suite_create("stance");
  TCase *tc = tcase_create("rules");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, no_evidence_is_neutral);
  tcase_add_test(tc, plain_terms);
  tcase_add_test(tc, general_news_evaluation);
  tcase_add_test(tc, news_judgements);
  tcase_add_test(tc, news_speech_vocabulary);
  tcase_add_test(tc, prohibition_keeps_a_harm);
  tcase_add_test(tc, negation_flips);
  tcase_add_test(tc, negation_of_an_attribute);
  tcase_add_test(tc, foreboding_hedge_alone);
  tcase_add_test(tc, directive_governs_its_sentence);
  tcase_add_test(tc, double_negation_restores);
  tcase_add_test(tc, contrast_after_turn_wins);
  tcase_add_test(tc, concession_is_outweighed);
  tcase_add_test(tc, hedges);
  tcase_add_test(tc, intensifiers_strengthen);
  tcase_add_test(tc, graded_base_word_is_a_claim);
  tcase_add_test(tc, aims_are_no_outlook);
  tcase_add_test(tc, rejected_report_counts_for_the_rejection);
  tcase_add_test(tc, negated_attribution_denies);
  tcase_add_test(tc, phrase_rules);
  tcase_add_test(tc, balanced_is_cautious);
  tcase_add_test(tc, targets_are_topic_labels_once);
  tcase_add_test(tc, runaway_rule_is_skipped_with_warning);
  tcase_add_test(tc, pipeline_quote);
  tcase_add_test(tc, attribution_verb_frames_the_passage);
  tcase_add_test(tc, rejected_means_and_demands_to_stop);
  tcase_add_test(tc, speaker_summary);
  TCase *pf = tcase_create("prefilter");
  /* 3,000 random rules compiled and matched: seconds under ASan on a busy
   * machine, past Check's default of 4. */
  tcase_set_timeout(pf, 120);
  tcase_add_test(pf, prefilter_derives_literals);
  tcase_add_test(pf, prefilter_skips_lookarounds);
  tcase_add_test(pf, prefilter_caseless_latin);
  tcase_add_test(pf, prefilter_unknown_syntax_always_runs);
  tcase_add_test(pf, prefilter_runs_rule_only_with_its_literals);
  tcase_add_test(pf, prefilter_never_skips_a_match);
  suite_add_tcase(s, tc);
  suite_add_tcase(s, pf);
  return run_suite(s);
}
