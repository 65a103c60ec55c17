import { FAMILY_ALIASES, RATIO_ALIASES, tokensOf } from './ratio-aliases.ts';
import { TOPIC_TOKENS } from './question-topics.ts';
import type { Locale } from '../../contracts/locale.ts';

/**
 * The words the intent parser listens for, Turkish and English, written naturally and folded
 * at load. Also the bot's whole vocabulary, which no company name can be read from and which
 * typos are corrected towards.
 */

/** Stems: a text token matches when it starts with the stem (Turkish suffixes, English -ed/-s). */
export const stems = (...words: string[]) => words.map((w) => tokensOf(w));

/** A greeting alone asks what the bot does; before a question it is only politeness. */
export const GREETING = stems('merhaba', 'selam', 'hello', 'hi', 'hey', 'günaydın', 'iyi günler');
export const HELP = stems('yardım', 'ne yapabilirsin', 'ne işe yarı', 'hangi soruları', 'neler yapabilir', 'help', 'komutlar', 'commands', 'kullanım', 'usage', 'neler sorabilirim', 'ne sorabilirim', 'what can i ask', 'what can you do', 'nasıl kullanılır', 'how to use', 'use this', 'ne yapabiliyorsun');
export const WEAK = stems(
  'zayıf', 'kötü', 'sorunlu', 'problemli', 'riskli', 'endişe', 'kırmızı bayrak', 'tehlikeli', 'uyarı', 'alarm',
  'normun altında', 'normun dışında', 'aralığın dışında', 'dışında kalan',
  'weak', 'bad', 'poor', 'problem', 'concerning', 'worrying', 'red flag', 'risky', 'warning', 'alert', 'outside the rule', 'outside normal', 'outside the normal',
);
export const CHART = stems('grafik', 'grafiğ', 'chart', 'graph', 'plot', 'çiz', 'görsel', 'diyagram', 'diagram', 'visuali', 'visualise');
export const EXPORT_WORDS = stems('excel', 'xlsx', 'xls', 'pdf', 'rapor', 'report', 'export', 'dışa aktar', 'indir', 'download', 'spreadsheet', 'tablo dosyası');
export const XLSX = stems('excel', 'xlsx', 'xls', 'spreadsheet', 'tablo dosyası');
export const WHY = stems('neden', 'niye', 'niçin', 'nicin', 'sebep', 'nedeni', 'why', 'reason', 'cause', 'drove', 'driver', 'ne etkiledi', 'etkileyen', 'ne oldu', 'what happened', 'explain the change', 'what moved');
export const DEFINITION = stems(
  'nedir', 'ne demek', 'anlamı', 'anlami', 'ne anlama', 'anlama gelir', 'tanım', 'formül', 'nasıl hesaplan', 'hesaplanır', 'hesaplanıyor', 'hesaplama',
  'neyi gösterir', 'ne gösterir', 'neyi ölçer', 'neyi ölçüyor', 'ne ölçer', 'ne ölçüyor', 'ne ifade', 'ifade eder',
  'define', 'definition', 'formula', 'what does', 'meaning', 'how is', 'how do you calculate', 'how to calculate', 'calculated', 'computed',
);
/** Asking for the figure itself: beats a definition word ("cari oranın değeri nedir"). */
// "Bizde / bizim" (ours) asks for our figure: "likidite oranı nedir bizde" is the value, not the definition.
export const VALUE = stems('değeri', 'değerı', 'kaç', 'ne kadar', 'bizde', 'bizim', 'value', 'how much', 'how high', 'how low');
export const COMPARE = stems(
  'karşılaştır', 'kıyasla', 'kıyas', 'değiş', 'fark', 'iki yıl', 'yıllar arası', 'two years', 'trend', 'gelişim', 'seyri', 'önceki yıl', 'geçen yıl', 'geçen yıla', 'önceki yıla', 'yıla göre', 'yıldan yıla',
  'düştü', 'düşmüş', 'düşüş', 'arttı', 'artmış', 'artış', 'yüksel', 'geriled', 'azald', 'iyileşt', 'kötüleşt',
  'compare', 'comparison', 'versus', 'vs', 'change', 'difference', 'evolution', 'over time', 'last year', 'previous year',
  'fall', 'fell', 'drop', 'declin', 'decreas', 'rise', 'rose', 'increas', 'improv', 'worsen', 'deteriorat',
);
export const RATIOS = stems('oranlar', 'oranları', 'rasyolar', 'tüm oranlar', 'bütün oranlar', 'oran listesi', 'özet', 'sonuçlar', 'analiz', 'ratios', 'all ratios', 'every ratio', 'ratio list', 'summary', 'overview', 'results', 'analysis');
/** "Tüm/bütün oranlar": every ratio, even with a family word in the question. */
export const RATIOS_ALL = stems('tüm', 'bütün', 'all');
export const LANG_NAMES: [Locale, string[][]][] = [
  ['en', stems('ingilizce', 'english', 'inglizce', 'en')],
  ['tr', stems('türkçe', 'turkce', 'turkish', 'tr')],
];
export const LANG_CONTEXT = stems('dil', 'language', 'lang', 'konuş', 'yaz', 'yazar', 'yazabil', 'cevap', 'yanıt', 'speak', 'answer', 'reply', 'write', 'switch', 'please', 'lütfen', 'in', 'use', 'kullan', 'geç', 'olsun');
export const SINCE = stems('göre', 'den beri', 'dan beri', 'since', 'from', 'against', 'relative to', 'compared to');

export const TR_WORDS = new Set(tokensOf(
  'ne nedir kaç neden niye nasıl hangi hangisi göster gönder yolla yardım karşılaştır grafik grafiği zayıf mı mi mu mü midir ile ve bu şu için ' +
  'hesapla hesaplanır yıl yılı yılında dönem tablo lütfen oran oranı oranlar oranları rapor kar karı marj marjı devir hızı özkaynak cari sermaye ' +
  'sermayesi borç kaldıraç likidite aktif varlık durum durumu nedeni düştü arttı değişti oldu var yok bana kısa vadeli uzun net brüt faaliyet ' +
  'stok alacak nakit faiz karşılama tanımı formülü anlamı demek geçen önceki göre kadar olarak işletme çalışma türkçe ingilizce excel rapor',
));
export const EN_WORDS = new Set(tokensOf(
  'what why how which is are was were the a an did does do of for to in on show send give me my please compare ratio ratios weak chart help ' +
  'and between last year previous current margin return equity assets asset turnover debt explain calculated calculate define definition ' +
  'quick cash fall fell rise rose drop dropped increase increased decrease decreased change changed value this that it its our ' +
  'report export english turkish leverage coverage interest working capital gross net operating profit inventory receivables ' +
  'any red flag flags there have has with about tell us you can see look get all',
));

/** Every folded word the bot understands (stems included as written). */
export const QUESTION_VOCABULARY: ReadonlySet<string> = new Set([
  ...[GREETING, HELP, WEAK, CHART, EXPORT_WORDS, WHY, DEFINITION, VALUE, COMPARE, RATIOS, RATIOS_ALL, LANG_CONTEXT, SINCE, ...LANG_NAMES.map(([, n]) => n)].flat(2),
  ...RATIO_ALIASES.flatMap(([, p]) => p),
  ...FAMILY_ALIASES.flatMap(([, p]) => p),
  ...TOPIC_TOKENS,
  ...TR_WORDS,
  ...EN_WORDS,
]);
