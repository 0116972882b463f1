import { Button, Group, Input, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';

/**
 * A drawn signature on a canvas (finger, stylus or mouse), reported as a PNG data URL after
 * each stroke, or null once cleared. Typing the name is the keyboard-usable alternative; the
 * signing screen offers both.
 */
export function SignaturePadField({
  onChange,
  error,
}: {
  onChange: (pngDataUrl: string | null) => void;
  error?: string | undefined;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const changeRef = useRef(onChange);
  useEffect(() => {
    changeRef.current = onChange;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Sharp lines on high-density tablet screens: the bitmap follows the device's pixel ratio.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: '#1a1b1e', minWidth: 1, maxWidth: 2.5 });
    pad.addEventListener('endStroke', () => {
      changeRef.current(pad.isEmpty() ? null : pad.toDataURL('image/png'));
    });
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    onChange(null);
  };

  return (
    <Input.Wrapper
      label="Signature"
      description="Sign with a finger, a stylus or the mouse inside the box."
      error={error}
    >
      <canvas
        ref={canvasRef}
        className="signature-pad"
        role="img"
        aria-label="Signature pad"
        data-testid="signature-pad"
      />
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          Cannot draw? Choose “Type my name” above.
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={clear}>
          Clear signature
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
