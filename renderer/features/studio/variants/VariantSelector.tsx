import type { Command } from '../../../app/commands/registry';
import { ALL_VARIANTS, type VariantChoice } from './use-variant-choice';

const keyOf = (commands: readonly Command[], id: string): string => {
  const shortcut = commands.find((c) => c.id === id)?.shortcut;
  return shortcut ? ` (${shortcut} switches)` : '';
};

/**
 * The preview pane's A/B switch: one button per variant with its split, and
 * "All" for every variant side by side. Rendered only for an A/B test.
 */
export function VariantSelector({ choice, commands }: { choice: VariantChoice; commands: readonly Command[] }) {
  if (choice.variants.length === 0) return null;
  const hint = keyOf(commands, 'preview.variants.next');
  return (
    <div className="variant-selector" role="group" aria-label="A/B variant" data-testid="variant-selector">
      <span className="variant-selector-label" aria-hidden>
        Variant
      </span>
      <div className="segmented">
        {choice.variants.map((variant) => (
          <button
            key={variant.name}
            aria-pressed={choice.chosen === variant.name}
            aria-label={`Variant ${variant.name}, ${variant.split}%`}
            onClick={() => choice.choose(variant.name)}
            title={`Preview variant ${variant.name}: ${variant.split}% of recipients${variant.subject ? `, subject "${variant.subject}"` : ''}${hint}`}
          >
            <b>{variant.name}</b> <span className="variant-split-share">{variant.split}%</span>
          </button>
        ))}
        <button
          aria-pressed={choice.chosen === ALL_VARIANTS}
          aria-label="All variants"
          onClick={() => choice.choose(ALL_VARIANTS)}
          title={`Every variant side by side for one persona${hint}`}
        >
          All
        </button>
      </div>
    </div>
  );
}
