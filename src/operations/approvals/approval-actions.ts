import type { ActionHandler } from '../../contracts/chat.js';
import { ACTION_APPROVAL_CANCEL, ACTION_APPROVAL_CONFIRM } from '../render.js';
import type { ApprovalsService } from './approvals.js';

/**
 * The two buttons of every confirmation. Their value is the approval id and nothing else:
 * what runs is read from Postgres, where it is bound by the parameters' hash.
 */
export function createApprovalActions(approvals: ApprovalsService): ActionHandler[] {
  return [
    { actionId: ACTION_APPROVAL_CONFIRM, run: (req) => approvals.confirm(req) },
    { actionId: ACTION_APPROVAL_CANCEL, run: (req) => approvals.cancel(req) },
  ];
}
