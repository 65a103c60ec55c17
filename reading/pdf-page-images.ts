/**
 * The decoded images of a pdf.js page, for deciding what an image hides: pdf.js sends each
 * image XObject from its worker after the operator list, so a lookup waits a little for it.
 */

/** The decoded image pdf.js hands to its renderer (kind 3 = RGBA: it has an alpha channel). */
export interface ImageData {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}
export type ImageLookup = (objId: string) => Promise<ImageData | undefined>;
export const RGBA = 3;

interface ObjStore {
  get(id: string, callback: (v: unknown) => void): void;
}
export interface PageLike {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  view: number[];
  objs: unknown;
  commonObjs: unknown;
}

export function imageLookup(page: PageLike): ImageLookup {
  const cache = new Map<string, Promise<ImageData | undefined>>();
  return (id) => {
    if (!cache.has(id)) {
      const store = (id.startsWith('g_') ? page.commonObjs : page.objs) as ObjStore;
      cache.set(
        id,
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(undefined), 5000);
          store.get(id, (v) => {
            clearTimeout(timer);
            resolve(v as ImageData | undefined);
          });
        }),
      );
    }
    return cache.get(id)!;
  };
}
