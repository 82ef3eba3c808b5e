#!/usr/bin/env python3
"""Writes the starting corpora for the fuzzers from seeds/ (articles written
for the purpose) and a few lexicon and JSON Lines lines, and the libFuzzer
dictionary lichang.dict. Run from anywhere; writes beside itself.

The corpora the fuzzers grew from these are committed under corpus/ (merged
with -merge=1); this script is how the first seeds were made."""
import hashlib, json, os

here = os.path.dirname(os.path.abspath(__file__))


def put(kind, data):
    d = os.path.join(here, "corpus", kind)
    os.makedirs(d, exist_ok=True)
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


articles = []
for name in sorted(os.listdir(os.path.join(here, "seeds"))):
    with open(os.path.join(here, "seeds", name), encoding="utf-8") as f:
        articles.append(f.read())

# fuzz_tag: byte 0 = encoding | keywords << 3 | limit << 5 | twice << 6,
# encodings: none, UTF-8, GB18030, Big5, UTF-16, GBK, auto, UTF-16LE.
for a in articles:
    u8 = a.encode("utf-8")
    put("tag", b"\x00\x00" + u8)
    put("tag", b"\x40\x00" + u8)
    put("tag", b"\x28\x02" + u8)
    put("tag", b"\x18\x00" + u8)
    put("tag", b"\x01\x00" + u8)
    put("tag", b"\x02\x00" + a.encode("gb18030"))
    put("tag", b"\x03\x00" + a.encode("big5", errors="replace"))
    put("tag", b"\x04\x00" + a.encode("utf-16"))
    put("tag", b"\x05\x00" + a.encode("gbk", errors="replace"))
    put("tag", b"\x06\x00" + a.encode("gb18030"))
    put("tag", b"\x06\x00" + a.encode("big5", errors="replace"))
    put("tag", b"\x07\x00" + a.encode("utf-16-le"))
for hostile in [
    b"\xef\xbb\xbf", b" \t\r\n\u3000", "「" * 200, "「" * 50 + "」" * 50,
    "“他说“她说“我说”””", b"\xc3\x28\xe2\x82\xed\xa0\x80\xf5\xff\xc0\xaf",
    "他說：「好\x00的。」", "认为" * 30 + "。",
]:
    put("tag", b"\x00\x00" + (hostile if isinstance(hostile, bytes) else hostile.encode()))

# fuzz_lexicon: byte 0 = the file, in lib/lexicon.c's handler order.
files = ["stance.txt", "topics.txt", "modifiers.txt", "stopwords.txt",
         "speech.txt", "titles.txt", "people.txt", "pronouns.txt",
         "surnames.txt", "idf.txt", "rules.txt"]
lex = {
    "stance.txt": "乐观\toptimistic\t1.5\n不确定\tcautious\t1.0\n站不住腳\tskeptical\t2\n",
    "topics.txt": "港口\n芯片\t半导体\n# comment\n",
    "modifiers.txt": "不\tnegator\n非常\tintensifier\t1.5\n但\tcontrast\n恐怕\thedge\t0.7\n",
    "stopwords.txt": "的\n了\n是\n",
    "speech.txt": "表示\tsay\n認為\tthink\n指出\n告訴\ttell\n預計\tpredict\n",
    "titles.txt": "局長\n分析師\n理事長\n",
    "people.txt": "周文彬\tperson-m\t周局長,周\n港務局\torg\n趙敏\tperson-f\n",
    "pronouns.txt": "他\the\n她\tshe\n我們\twe\n",
    "surnames.txt": "周\n趙\n歐陽\n",
    "idf.txt": ".default\t12\n港口\t5.5\n的\t0.1\n",
    "rules.txt": "skeptical\t2.0\t(离|距离)[^,.;:!?。]{0,10}还(很)?远\t# far\n"
                 "cautious\t1.5\t还需要时间(观察)?\n optimistic\t1\t(a+)+$\n",
}
for i, name in enumerate(files):
    put("lexicon", bytes([i]) + lex[name].encode())
    put("lexicon", bytes([i]) + b"\xef\xbb\xbf" + lex[name].replace("\n", "\r\n").encode())

# fuzz_jsonl: one record a file.
for a in articles[:2]:
    put("jsonl", json.dumps({"id": "a1", "title": "t", "text": a}).encode())
    put("jsonl", json.dumps({"id": 7, "text": a, "x": [1, {"y": None}]},
                            ensure_ascii=False).encode())
for line in ['{"text":"\\u0000\\ud800\\udc00\\udfff"}', '{"text":1}', '{}',
             '{"id":"x"}', '[1,2]', '{"text":"a"} x', '{"text":"\\q"}',
             '{"a":{"b":[true,false,null,-1.5e3]},"text":""}']:
    put("jsonl", line.encode())

# The dictionary: the marks and words the passage finder keys on.
tokens = ["“", "”", "「", "」", "『", "』", "\"", "：", "，", "。", "？", "！",
          "\n", "認為", "认为", "表示", "說", "说", "指出", "稱", "称", "但",
          "不", "並不", "没有", "恐怕", "可能", "樂觀", "乐观", "擔心", "他", "她",
          "我們", "記者", "教授", "分析師", "\ufeff", "\ufffd", "\u3000",
          "\t", "optimistic", "skeptical", "cautious", "neutral", "negator",
          "hedge", "#", "(", ")+", "{0,10}", "[^,.]", "\\u", "\"text\":",
          "\"id\":", "\\ud800"]
with open(os.path.join(here, "lichang.dict"), "w") as f:
    f.write("# libFuzzer dictionary: quote marks, speech verbs, modifiers,\n"
            "# lexicon and JSON syntax. Made by make_seeds.py.\n")
    for t in tokens:
        f.write('"' + "".join("\\x%02x" % b for b in t.encode()) + '"\n')
