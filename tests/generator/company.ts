/** Made-up but plausible company identities: names, addresses, tax offices, a valid VKN. */
import type { Rng } from './random.ts';

export type Sector = 'trade' | 'manufacturing' | 'services';

export type Company = {
  name: string;
  taxId: string;
  address: string;
  taxOffice: string;
  signatory: string;
  accountant: string;
  chamberNo: string;
  sector: Sector;
};

const PLACES = [
  { district: 'Meram', city: 'KONYA' }, { district: 'Kemalpaşa', city: 'İZMİR' },
  { district: 'Nilüfer', city: 'BURSA' }, { district: 'Çankaya', city: 'ANKARA' },
  { district: 'Kadıköy', city: 'İSTANBUL' }, { district: 'Şişli', city: 'İSTANBUL' },
  { district: 'Muratpaşa', city: 'ANTALYA' }, { district: 'Seyhan', city: 'ADANA' },
  { district: 'Şahinbey', city: 'GAZİANTEP' }, { district: 'Tepebaşı', city: 'ESKİŞEHİR' },
  { district: 'Karşıyaka', city: 'İZMİR' }, { district: 'Ümraniye', city: 'İSTANBUL' },
  { district: 'Çorlu', city: 'TEKİRDAĞ' }, { district: 'Yenimahalle', city: 'ANKARA' },
];
const STEMS = ['Ufuk', 'Akdeniz', 'Yeşil', 'Bozkurt', 'Öztürk', 'Gül', 'Pınar', 'Doğan', 'Çınar', 'Şahin', 'Ilgaz', 'Güneş', 'Ege', 'Yıldız', 'Kardeşler', 'Anadolu'];
const SECTOR_WORDS: Record<Sector, string[]> = {
  trade: ['Hırdavat', 'Gıda', 'Kırtasiye', 'Elektrik', 'Mobilya', 'Oto Yedek Parça'],
  manufacturing: ['Tekstil', 'Kauçuk', 'Plastik', 'Makine', 'Ambalaj', 'Döküm'],
  services: ['Turizm', 'Lojistik', 'Yazılım', 'Eğitim', 'Danışmanlık', 'Sağlık Hizmetleri'],
};
const FORMS = ['Sanayi ve Ticaret A.Ş.', 'Ticaret Ltd. Şti.', 'San. ve Tic. Ltd. Şti.', 'A.Ş.', 'Sanayi ve Ticaret Limited Şirketi'];
const NEIGHBOURHOODS = ['Yeni', 'Cumhuriyet', 'Atatürk', 'Zafer', 'Merkez', 'Gazi', 'Fatih', 'Çiçekli'];
const STREETS = ['İstiklal', 'Menderes', 'Şehit Er Ali Yılmaz', 'Gül', 'Barış', 'Öğretmenler', 'Çamlık', 'Kızılay'];
const FIRST = ['Ahmet', 'Emine', 'Hüseyin', 'Derya', 'Gökhan', 'Ayşe', 'Mehmet', 'Şule', 'Oğuz', 'İpek', 'Ümit', 'Çağla'];
const LAST = ['Yılmaz', 'Çelik', 'Gökçe', 'Ünal', 'Şahin', 'Güneş', 'Öztürk', 'Aydın', 'Kılıç', 'Doğan', 'Yeşil', 'Erdoğan'];

/** VKN check digit (GİB algorithm), so tax IDs pass the validation real software applies. */
export function vknCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const t = (Number(first9[i]) + 9 - i) % 10;
    let v = (t * 2 ** (9 - i)) % 9;
    if (t !== 0 && v === 0) v = 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidVkn(vkn: string): boolean {
  return /^\d{10}$/.test(vkn) && vknCheckDigit(vkn.slice(0, 9)) === Number(vkn[9]);
}

function sectorFromName(name: string): Sector | undefined {
  if (/\bSan(ayi|\.)/i.test(name)) return 'manufacturing';
  for (const sector of ['trade', 'manufacturing', 'services'] as const) {
    if (SECTOR_WORDS[sector].some((w) => name.toLocaleLowerCase('tr-TR').includes(w.toLocaleLowerCase('tr-TR')))) return sector;
  }
  return undefined;
}

export function randomCompany(rng: Rng, overrides: { name?: string; taxId?: string }): Company {
  let sector: Sector = rng.pick(['trade', 'manufacturing', 'services'] as const);
  // A given name hints at the business: a 'Gıda Sanayi' firm should sell what it makes.
  if (overrides.name) sector = sectorFromName(overrides.name) ?? sector;
  const place = rng.pick(PLACES);
  let name = overrides.name ?? `${rng.pick(STEMS)} ${rng.pick(SECTOR_WORDS[sector])} ${rng.pick(FORMS)}`;
  // Some firms print their title in capitals; Turkish casing keeps i -> İ right.
  if (!overrides.name && rng.chance(0.35)) name = name.toLocaleUpperCase('tr-TR');
  let first9 = String(rng.int(1, 9));
  for (let i = 0; i < 8; i++) first9 += String(rng.int(0, 9));
  const person = () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  return {
    name,
    taxId: overrides.taxId ?? `${first9}${vknCheckDigit(first9)}`,
    address: `${rng.pick(NEIGHBOURHOODS)} Mah. ${rng.pick(STREETS)} Sok. No: ${rng.int(1, 180)}/${rng.int(1, 12)} ${place.district}/${place.city}`,
    taxOffice: place.district,
    signatory: person(),
    accountant: `SMMM ${person()}`,
    chamberNo: String(rng.int(10000, 99999)),
    sector,
  };
}
