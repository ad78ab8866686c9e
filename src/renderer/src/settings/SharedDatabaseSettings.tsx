// Settings > Storage / Shared database (a manager only): where this counter
// keeps the shop's data, the server's details with a Test connection, the
// one-time move of this counter's data into an empty server (with progress),
// and connecting another counter to a server that already holds the shop.
// The password is typed, never shown back: a saved one reads "saved".
import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/errors';
import type { ConnectionCheck, MoveProgress, SharedDatabaseStatus } from '../../../shared/shared-database-contract';
import { invoke } from '../api';
import { exportTableName } from '../backups';
import { useSession } from '../session/session-context';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';

interface Values {
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  tls: boolean;
}

export function SharedDatabaseSettings() {
  const { t } = useTranslation();
  const { current, sessionEnded } = useSession();
  const run = useSignedInCall();
  const isManager = current?.staff.role === 'manager';
  const [status, setStatus] = useState<SharedDatabaseStatus | null>(null);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [busy, setBusy] = useState<'test' | 'move' | 'connect' | null>(null);
  const [move, setMove] = useState<MoveProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [offerConnect, setOfferConnect] = useState(false);
  const [connected, setConnected] = useState(false);
  const form = useForm<Values>({ initialValues: { host: '', port: 5432, database: 'repair_desk', user: '', password: '', tls: false } });

  const load = useCallback(async () => {
    const result = await run('sharedDatabase.status', {});
    if (isCancelled(result) || !result.ok) return;
    setStatus(result.data);
    const saved = result.data.saved;
    if (saved) form.setValues({ host: saved.host, port: saved.port, database: saved.database, user: saved.user, password: '', tls: saved.tls });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the form object is stable; loading once per sign-in
  }, [run]);

  useEffect(() => {
    if (isManager) void load();
  }, [isManager, load]);

  const details = (values: Values) => ({
    host: values.host,
    port: Number(values.port),
    database: values.database,
    user: values.user,
    // An empty field keeps the saved password; with none saved, an empty password is what the manager means.
    password: values.password === '' && status?.saved?.passwordSaved ? null : values.password,
    tls: values.tls,
  });

  /** A refusal: field errors on their fields, a server's problem or a move refused above the buttons. */
  const refused = (error: ContractError) => {
    for (const field of error.fields ?? []) {
      if (field.path === 'connection') {
        setProblem(t(`errors.field.${field.code}`));
        setOfferConnect(field.code === 'shop_exists');
      } else form.setFieldError(field.path, t(`errors.field.${field.code}`));
    }
    if (!error.fields?.length) setProblem(error.message);
  };

  const reset = () => {
    setProblem(null);
    setCheck(null);
    setOfferConnect(false);
    setConnected(false);
  };

  const test = form.onSubmit(async (values) => {
    reset();
    setBusy('test');
    const result = await run('sharedDatabase.test', details(values));
    setBusy(null);
    if (isCancelled(result)) return;
    if (result.ok) setCheck(result.data);
    else refused(result.error);
  });

  const startMove = async () => {
    const validation = form.validate();
    if (validation.hasErrors) return;
    reset();
    setBusy('move');
    const result = await run('sharedDatabase.move', details(form.values));
    if (isCancelled(result) || !result.ok) {
      setBusy(null);
      if (!isCancelled(result) && !result.ok) refused(result.error);
      return;
    }
    let progress = result.data;
    setMove(progress);
    while (progress.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const next = await invoke('sharedDatabase.moveProgress', { jobId: progress.jobId });
      if (!next.ok) break;
      progress = next.data;
      setMove(progress);
    }
    setBusy(null);
    // The desk now runs on the server: the sign-ins made on the file are gone.
    if (progress.state === 'done') sessionEnded();
  };

  const connect = async () => {
    reset();
    setBusy('connect');
    const result = await run('sharedDatabase.connect', details(form.values));
    setBusy(null);
    if (isCancelled(result)) return;
    if (!result.ok) return refused(result.error);
    setStatus(result.data);
    setConnected(true);
    sessionEnded();
  };

  if (!isManager) {
    return (
      <Fieldset legend={t('sharedDatabase.title')} variant="filled">
        <Text size="sm">{t('sharedDatabase.managerOnly')}</Text>
      </Fieldset>
    );
  }

  const onServer = status?.engine === 'postgres';
  const saved = status?.saved;
  return (
    <Fieldset legend={t('sharedDatabase.title')} variant="filled">
      <form onSubmit={test} aria-label={t('sharedDatabase.title')}>
        <Stack gap="sm">
          <Text size="sm" role="status" aria-label={t('sharedDatabase.title')}>
            {onServer && saved
              ? t('sharedDatabase.usingServer', { host: saved.host, port: saved.port, database: saved.database })
              : t('sharedDatabase.usingFile')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('sharedDatabase.hint')}
          </Text>
          <Group align="flex-start" grow>
            <TextInput label={t('sharedDatabase.host')} required {...form.getInputProps('host')} />
            <NumberInput label={t('sharedDatabase.port')} min={1} max={65535} required {...form.getInputProps('port')} />
            <TextInput label={t('sharedDatabase.database')} required {...form.getInputProps('database')} />
          </Group>
          <Group align="flex-start" grow>
            <TextInput label={t('sharedDatabase.user')} required {...form.getInputProps('user')} />
            <PasswordInput
              label={t('sharedDatabase.password')}
              description={saved?.passwordSaved ? t('sharedDatabase.passwordSaved') : undefined}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
          </Group>
          <Checkbox label={t('sharedDatabase.tls')} {...form.getInputProps('tls', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" variant="default" loading={busy === 'test'} disabled={busy !== null && busy !== 'test'}>
              {t('sharedDatabase.test')}
            </Button>
            {!onServer && (
              <Button color="orange" onClick={() => void startMove()} loading={busy === 'move'} disabled={busy !== null && busy !== 'move'}>
                {t('sharedDatabase.move')}
              </Button>
            )}
            <Button variant="light" onClick={() => void connect()} loading={busy === 'connect'} disabled={busy !== null && busy !== 'connect'}>
              {t('sharedDatabase.connect')}
            </Button>
          </Group>
          {!onServer && (
            <Text size="xs" c="dimmed">
              {t('sharedDatabase.moveHint')} {t('sharedDatabase.connectHint')}
            </Text>
          )}
          {check && (
            <Alert color={check.ok ? 'teal' : 'red'} role="alert" aria-label={t('sharedDatabase.test')}>
              {check.ok ? (
                <>
                  <Text size="sm">{t('sharedDatabase.testOk', { version: check.serverVersion ?? '' })}</Text>
                  <Text size="sm">{check.holdsShop ? t('sharedDatabase.holdsShop') : t('sharedDatabase.empty')}</Text>
                </>
              ) : (
                <>
                  <Text size="sm">{check.problem ? t(`errors.field.${check.problem}`) : ''}</Text>
                  {check.detail && (
                    <Text size="xs" c="dimmed">
                      {t('sharedDatabase.detail', { detail: check.detail })}
                    </Text>
                  )}
                </>
              )}
            </Alert>
          )}
          {problem && (
            <Alert color="red" role="alert">
              <Stack gap="xs">
                <Text size="sm">{problem}</Text>
                {offerConnect && (
                  <Group>
                    <Button size="xs" variant="light" onClick={() => void connect()}>
                      {t('sharedDatabase.connect')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Alert>
          )}
          {move && (
            <Text size="sm" role="status" c={move.state === 'failed' ? 'red' : undefined}>
              {move.state === 'running' && t('sharedDatabase.moving', { table: exportTableName(t, move.table), done: move.rowsDone, total: move.rowsTotal })}
              {move.state === 'done' && t('sharedDatabase.moved', { rows: move.rowsDone })}
              {move.state === 'failed' && t('sharedDatabase.moveFailed', { problem: move.problem ? t(`errors.field.${move.problem}`) : move.detail })}
            </Text>
          )}
          {connected && (
            <Text size="sm" c="teal" role="status">
              {t('sharedDatabase.connected')}
            </Text>
          )}
        </Stack>
      </form>
    </Fieldset>
  );
}
