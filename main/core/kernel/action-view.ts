// An action as every client sees it: the DTO, with what only the store knows at the time of reading — a queued
// command's place in its line (it moves as the ones before it leave).
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { ActionRecord, Repositories } from '../db/index.js';
import type { ActionEventRecord } from '../domain/action.js';
import { toActionDto } from './dto-mappers.js';

export type ActionView = (action: ActionRecord, events?: ActionEventRecord[]) => RemoteActionDto;

export function createActionView(repos: Pick<Repositories, 'actions'>): ActionView {
  return (action, events) =>
    toActionDto(action, events, action.phase === 'Queued' ? repos.actions.queuePosition(action) : undefined);
}
