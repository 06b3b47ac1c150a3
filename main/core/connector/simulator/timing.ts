// How long the network and vehicles take (stellantis-api-notes.md N9), before the speed factor. Only these
// waits are divided by the speed: they are what a user waits for. The vehicle's own clock-bound behaviour
// (the 3-minute awake window, charging progress, a preconditioning run) follows the clock as it is.

export const STEP_MS = {
  /** POST → Pending/Accepted. */
  accepted: 400,
  /** Accepted → the pre-check's verdict (Pending VehicleBatteryChargeTooLow, Done/Failed …). */
  preCheck: 600,
  /** Accepted → Pending/WakingUpVehicle ("901 vehicle asleep" about 0.2 s in, evcc logs). */
  wakingUp: 200,
  /** Accepted → the vehicle is awake and the command forwarded: about 25 s (field report). */
  wakeUp: 25_000,
  /** Accepted → Done/Failed VehicleConnectionTimeout for a vehicle in deep sleep: about 128 s (field report). */
  deepSleepTimeout: 128_000,
  /** Accepted (or the POST, for Navigation) → Pending/SentToVehicle for an awake vehicle. */
  sentToVehicle: 1_500,
  /** SentToVehicle → the vehicle's answer (Done). */
  vehicleAnswer: 2_000,
  /** SentToVehicle → Done just after a wake-up ("about 1 s after that"). */
  answerAfterWakeUp: 1_000,
} as const;

/** Timings vary by up to ±10 %, from the seed. */
export const STEP_JITTER = 0.1;

/** Awake 3 min after a wake-up, and every message adds 3 min (stellantis-api-notes.md N9). Not sped up. */
export const AWAKE_WINDOW_MS = 3 * 60 * 1000;

/** An immediate preconditioning runs this long, then reports Finished. Not sped up. */
export const PRECONDITIONING_RUN_MS = 30 * 60 * 1000;
