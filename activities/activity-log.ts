import { Context } from '@temporalio/activity';
import { logger } from '../lib/logger.ts';

/** A logger carrying the workflow id and activity name, so one document's lines can be followed. */
export function activityLog(fields: Record<string, unknown> = {}) {
  const info = Context.current().info;
  return logger.child({ workflowId: info.workflowExecution?.workflowId, activity: info.activityType, attempt: info.attempt, ...fields });
}
