// A button for one channel: disabled with the reason on hover and focus when the
// signed-in person's role may not use it, and saying that a manager's PIN will
// be asked for when the role table lets a manager approve it.
import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import type { Channel } from '../../../shared/contract';
import { useAccess } from '../session/useAccess';

type Props = ButtonProps & Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & { channel: Channel };

export function GatedButton({ channel, disabled, onClick, ...props }: Props) {
  const access = useAccess(channel);
  if (access.state === 'refused') {
    // data-disabled rather than disabled: a disabled button gets no hover or focus, so its reason would never show.
    return (
      <Tooltip label={access.reason} withArrow>
        <Button {...props} data-disabled aria-disabled="true" aria-description={access.reason} onClick={(event) => event.preventDefault()} />
      </Tooltip>
    );
  }
  const button = <Button {...props} disabled={disabled} onClick={onClick} aria-description={access.state === 'approval' ? access.hint : undefined} />;
  return access.state === 'approval' && !disabled ? (
    <Tooltip label={access.hint} withArrow>
      {button}
    </Tooltip>
  ) : (
    button
  );
}
