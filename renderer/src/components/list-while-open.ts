// For the selects of a page that must paint fast (the fleet, the history): their list exists only while open.
// Mantine keeps every closed list in the page, hidden, so a page with five selects otherwise renders all their
// options and positions each list before its first paint (2,000 options in the history's vehicle filter). The
// input names its list only while it is open either way.
export const LIST_WHILE_OPEN = { keepMounted: false } as const;
