// A role at a glance, the same everywhere: the header, the pickers, the lists, the audit log.
import { Badge, type BadgeProps } from '@mantine/core';
import type { Role } from '../../../../preload/contract/vocabulary.js';
import { ROLE_COLORS, roleLabel } from './access-text.js';

export function RoleBadge({ role, ...props }: { role: Role } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} data-role={role} {...props}>
      {roleLabel(role)}
    </Badge>
  );
}
