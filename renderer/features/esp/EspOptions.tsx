import { ESP_IDS, ESP_NAMES } from '../../../shared/esp/esp';

/** One <option> per ESP, by its name: every ESP picker lists the same ESPs in the same order. */
export function EspOptions() {
  return (
    <>
      {ESP_IDS.map((id) => (
        <option key={id} value={id}>
          {ESP_NAMES[id]}
        </option>
      ))}
    </>
  );
}
