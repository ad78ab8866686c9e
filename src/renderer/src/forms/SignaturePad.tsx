// A customer's signature drawn on screen (mouse, pen or finger), handed on as
// a PNG data URL once each stroke ends; Clear starts again.
import { Button, Group, Input } from '@mantine/core';
import { useEffect, useId, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** The signature so far; null when nothing is drawn. Setting it to null from outside clears the pad. */
  value: string | null;
  onChange(png: string | null): void;
  error?: string | null;
  height?: number;
}

const INK = '#111';
const LINE_WIDTH = 2.5;

export function SignaturePad({ label, value, onChange, error, height = 160 }: Props) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const inked = useRef(false);
  const id = useId();

  // Sized in device pixels so strokes stay sharp on high-density screens.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d');
    context?.scale(ratio, ratio);
  }, [height]);

  useEffect(() => {
    if (value !== null || !inked.current) return;
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    inked.current = false;
  }, [value]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    context.strokeStyle = INK;
    context.lineWidth = LINE_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = point(event);
    // A tap leaves a dot.
    stroke(drawing.current, { x: drawing.current.x + 0.1, y: drawing.current.y + 0.1 });
    inked.current = true;
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current === null) return;
    const next = point(event);
    stroke(drawing.current, next);
    drawing.current = next;
  };

  const onPointerUp = () => {
    if (drawing.current === null) return;
    drawing.current = null;
    const canvas = canvasRef.current;
    if (canvas && inked.current) onChange(canvas.toDataURL('image/png'));
  };

  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    inked.current = false;
    onChange(null);
  };

  return (
    <Input.Wrapper label={label} error={error} id={id}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        aria-describedby={error ? `${id}-error` : undefined}
        data-signed={value !== null}
        style={{
          display: 'block',
          width: '100%',
          height,
          border: `1px solid ${error ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-4)'}`,
          borderRadius: 4,
          background: '#fff',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
      <Group justify="space-between" mt={4}>
        <Input.Description>{value === null ? t('signature.hint') : t('signature.signed')}</Input.Description>
        <Button size="compact-xs" variant="subtle" onClick={clear} disabled={value === null}>
          {t('signature.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
