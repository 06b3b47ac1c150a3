// An action as every client sees it: the DTO, with what only the store knows at the time of reading — a queued
// command's place in its line (it moves as the ones before it leave), and the bulk command that sent it (clients
// tell a bulk's end once, not each of its commands').
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { ActionRecord, Repositories } from '../db/index.js';
import type { ActionEventRecord } from '../domain/action.js';
import { toActionDto } from './dto-mappers.js';

export type ActionView = (action: ActionRecord, events?: ActionEventRecord[]) => RemoteActionDto;

export function createActionView(repos: Pick<Repositories, 'actions' | 'bulk'>): ActionView {
  return (action, events) => {
    const dto = toActionDto(
      action,
      events,
      action.phase === 'Queued' ? repos.actions.queuePosition(action) : undefined,
    );
    const item = repos.bulk.itemByAction(action.id);
    return item ? { ...dto, bulkId: item.bulkId } : dto;
  };
}
