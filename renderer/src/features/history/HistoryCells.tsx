// One action's cells in the history: when (a link to it), the vehicle, the feature, the outcome, the request (with
// why it failed, or its place in the queue) and who sent it. Plain elements with the page's classes, not Mantine's
// Text and Anchor: the list draws a screenful of these on its first paint and on every scroll, and each Mantine
// component computes its styles on each render. Memoized: a scroll redraws only the rows that came into view.
import { memo } from 'react';
import type { RemoteActionDto } from '../../../../preload/contract/dto.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { clockText, shortClockText } from '../../components/time-text.js';
import { verdictOf } from '../../stores/action-phases.js';
import { actorText, approvedByText, sentByText } from '../access/access-text.js';
import { featureLabel } from '../remotes/features.js';
import { positionText } from '../remotes/queue-text.js';
import { remoteSummary } from '../remotes/remote-summary.js';
import { explanationWords } from '../timeline/explanation-text.js';
import classes from './HistoryView.module.css';

export const HistoryCells = memo(function HistoryCells({
  action,
  vehicleName,
}: {
  action: RemoteActionDto;
  vehicleName: string;
}) {
  return (
    <>
      <span role="cell">
        <a
          href={`#/actions/${encodeURIComponent(action.remoteActionId)}`}
          title={clockText(action.createdAt)}
          className={classes.link}
        >
          {shortClockText(action.createdAt)}
        </a>
      </span>
      <span role="cell">
        <span className={`${classes.line} ${classes.sm} ${classes.strong}`}>{vehicleName}</span>
        <span className={`${classes.line} ${classes.xs} ${classes.mono} ${classes.dimmed}`}>
          {action.vin}
        </span>
      </span>
      <span role="cell">{featureLabel(action.type)}</span>
      <span role="cell">
        <OutcomeBadge action={action} size="md" />
      </span>
      <span role="cell">
        <span className={`${classes.line} ${classes.sm}`}>{remoteSummary(action.remote)}</span>
        {verdictOf(action) === 'failure' ? (
          <span className={`${classes.line} ${classes.xs} ${classes.failure}`}>
            {explanationWords(action.explanation).title}
          </span>
        ) : null}
        {action.queue ? (
          <span
            className={`${classes.line} ${classes.xs} ${classes.dimmed}`}
            data-testid="history-queue-position"
          >
            {positionText(action.queue.position)}
          </span>
        ) : null}
      </span>
      <span role="cell">
        <span
          className={`${classes.line} ${classes.sm}`}
          title={sentByText(action.sentBy, action.approvedBy, action.operator) ?? undefined}
        >
          {action.sentBy ? actorText(action.sentBy) : (action.operator ?? '—')}
        </span>
        {action.approvedBy ? (
          <span className={`${classes.line} ${classes.xs} ${classes.dimmed}`}>
            {approvedByText(action.approvedBy)}
          </span>
        ) : null}
      </span>
    </>
  );
});
