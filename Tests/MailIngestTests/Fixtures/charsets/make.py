#!/usr/bin/env python3
"""Writes the charset fixtures read by CharsetDecoderTests (run once; the output is committed).

Each `<label>__<sample>[__<variant>].bin` holds the text of `expected/<sample>.txt` (UTF-8) encoded with Python's
codec for that label; the test decodes it under `<label>` and compares with the expected text.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SAMPLES = {
    "ascii": "Invoice F-118 paid, thanks. See you soon!",
    "fr": "Facture réglée, merci ! À bientôt, Éloïse",
    "euro": "Montant : 1 250,00 € reçu",
    "de": "Grüße aus Köln, Straße",
    "pl": "Zażółć gęślą jaźń",
    "cs": "Faktura byla zaplacena, děkuji",
    "ro": "Factura a fost plătită, mulțumesc",
    "mt": "Ħal Qormi, ġurnata",
    "sami": "Sámi: ŋ ŧ đ",
    "baltic": "Sąskaita apmokėta, ačiū",
    "cy": "Diolch yn fawr, ŵ ŷ",
    "ru": "Счёт оплачен, спасибо",
    "uk": "Рахунок сплачено, дякую. Ґ і ї",
    "el": "Το τιμολόγιο πληρώθηκε",
    "tr": "Ödeme yapıldı, teşekkürler",
    "he": "החשבונית שולמה",
    "ar": "تم دفع الفاتورة",
    "th": "ชำระแล้ว ขอบคุณ",
    "vi": "Hóa đơn",
    "ja": "請求書の支払いが完了しました。ありがとうございます",
    "ja-kana": "ｶﾀｶﾅ ①",
    "zh-cn": "发票已付款，谢谢",
    "zh-4byte": "€ 𠀀 ᠀",
    "zh-tw": "發票已付款，謝謝",
    "ko": "청구서가 지불되었습니다",
    "ko-uhc": "똠방각하",
    "multi": "Grüße, 請求書, Счёт, 청구서 ✓ 😀",
}

# label -> (python codec, [samples], variant suffix)
CASES = [
    ("us-ascii", "ascii", ["ascii"]),
    ("utf-8", "utf-8", ["multi", "fr", "ja"]),
    ("iso-8859-1", "latin-1", ["fr", "de"]),
    ("iso-8859-2", "iso8859_2", ["pl", "cs"]),
    ("iso-8859-3", "iso8859_3", ["mt"]),
    ("iso-8859-4", "iso8859_4", ["baltic"]),
    ("iso-8859-5", "iso8859_5", ["ru"]),
    ("iso-8859-6", "iso8859_6", ["ar"]),
    ("iso-8859-7", "iso8859_7", ["el"]),
    ("iso-8859-8", "iso8859_8", ["he"]),
    ("iso-8859-9", "iso8859_9", ["tr"]),
    ("iso-8859-10", "iso8859_10", ["sami"]),
    ("iso-8859-11", "iso8859_11", ["th"]),
    ("iso-8859-13", "iso8859_13", ["baltic"]),
    ("iso-8859-14", "iso8859_14", ["cy"]),
    ("iso-8859-15", "iso8859_15", ["euro", "fr"]),
    ("iso-8859-16", "iso8859_16", ["ro", "pl"]),
    ("windows-1250", "cp1250", ["pl", "cs"]),
    ("windows-1251", "cp1251", ["ru", "uk"]),
    ("windows-1252", "cp1252", ["euro", "fr"]),
    ("windows-1253", "cp1253", ["el"]),
    ("windows-1254", "cp1254", ["tr"]),
    ("windows-1255", "cp1255", ["he"]),
    ("windows-1256", "cp1256", ["ar"]),
    ("windows-1257", "cp1257", ["baltic"]),
    ("windows-1258", "cp1258", ["vi"]),
    ("iso-2022-jp", "iso2022_jp", ["ja"]),
    ("shift_jis", "shift_jis", ["ja"]),
    ("shift_jis", "cp932", ["ja-kana"]),
    ("euc-jp", "euc_jp", ["ja"]),
    ("gb2312", "gb2312", ["zh-cn"]),
    ("gbk", "gbk", ["zh-cn"]),
    ("gb18030", "gb18030", ["zh-cn", "zh-4byte"]),
    ("big5", "big5", ["zh-tw"]),
    ("euc-kr", "euc_kr", ["ko"]),
    ("ks_c_5601-1987", "cp949", ["ko", "ko-uhc"]),
    ("koi8-r", "koi8_r", ["ru"]),
    ("koi8-u", "koi8_u", ["uk"]),
    ("utf-16", "utf-16", ["multi"]),          # with a BOM (little-endian here)
    ("utf-16be", "utf-16-be", ["multi"]),
    ("utf-16le", "utf-16-le", ["multi"]),
    ("utf-32", "utf-32", ["multi"]),          # with a BOM
    ("utf-32be", "utf-32-be", ["multi"]),
    ("utf-32le", "utf-32-le", ["multi"]),
    ("utf-7", "utf-7", ["multi", "fr"]),
]

# Extra variants: (label, codec, sample, variant, transform)
VARIANTS = [
    ("utf-16", "utf-16-be", "multi", "nobom", None),                          # RFC 2781: no BOM means big-endian
    ("utf-16", "utf-16-be", "multi", "bombe", lambda b: b"\xfe\xff" + b),
    ("utf-8", "utf-8", "fr", "bom", lambda b: b"\xef\xbb\xbf" + b),
]


def main():
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    for name, text in SAMPLES.items():
        with open(os.path.join(HERE, "expected", name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    for label, codec, samples in CASES:
        for sample in samples:
            data = SAMPLES[sample].encode(codec)
            with open(os.path.join(HERE, f"{label}__{sample}.bin"), "wb") as f:
                f.write(data)
    for label, codec, sample, variant, transform in VARIANTS:
        data = SAMPLES[sample].encode(codec)
        if transform:
            data = transform(data)
        with open(os.path.join(HERE, f"{label}__{sample}__{variant}.bin"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
