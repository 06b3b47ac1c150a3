// What a webhook attribute's value becomes when a notification is sent (api-b2b.yaml `Attribute`,
// `RemoteAttribute`; stellantis-api-notes.md N5, N7). The outbox and the simulated network both send with
// these rules, so what the agent forwards and what it receives are built alike.
//
// A value is either a literal, sent as it is, or a whole `$variable`, replaced by its value. A `$vin` inside a
// longer value ("vin $vin") is a literal: the spec's variable is the value "prefixed with the dollar sign", not a
// template, and attribute-rules.ts accepts such a value only as a literal.
import { CALLBACK_VARIABLES, type CallbackAttribute } from './callback-model.js';

export type CallbackVariable = (typeof CALLBACK_VARIABLES)[number];

/** The value of each variable for one notification. */
export type CallbackVariables = Record<CallbackVariable, string>;

/** Distinct values in first-seen order; an event without a VIN (null) adds nothing. */
const distinct = (values: readonly (string | null)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

/**
 * The variables of a notification carrying events of `vins` and `remoteTypes` (in event order). The spec is
 * silent on a batch of several vehicles or types: `$vin` and `$remoteType` then hold the distinct values,
 * comma-separated ("VIN1,VIN2", the list form of HTTP headers; docs/decisions.md #13). An unknown fleet is "".
 */
export function callbackVariables(context: {
  vins: readonly (string | null)[];
  remoteTypes: readonly string[];
  callbackId: string;
  fleetId: string | null;
}): CallbackVariables {
  return {
    $vin: distinct(context.vins).join(','),
    $callbackID: context.callbackId,
    $remoteType: distinct(context.remoteTypes).join(','),
    $fleetID: context.fleetId ?? '',
  };
}

/** Whether `value` is a whole variable (and so is replaced when sent). */
export function isVariable(value: string): value is CallbackVariable {
  return (CALLBACK_VARIABLES as readonly string[]).includes(value);
}

/** The value sent for an attribute: the variable's value when the whole value is a variable, else the literal. */
export function attributeValue(value: string, variables: CallbackVariables): string {
  return isVariable(value) ? variables[value] : value;
}

/** The attributes with their values as sent, in their order. */
export function sentAttributes(
  attributes: readonly CallbackAttribute[],
  variables: CallbackVariables,
): CallbackAttribute[] {
  return attributes.map((a) => ({ ...a, value: attributeValue(a.value, variables) }));
}
