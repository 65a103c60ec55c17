/**
 * CPU-heavy activities (reading with OCR, rendering reports) run on their own task queue, so
 * they can be served by separate machines. The name derives from the main queue by
 * convention, which both the workflow (at run time) and the workers know.
 */
export function heavyQueue(taskQueue: string): string {
  return `${taskQueue}-heavy`;
}
