// The walk-in intake: customer, one or more devices, technician; Check in
// gives one ticket number per device.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../shared/contract';
import { LIMITS } from '../../../shared/domain';
import { useDesk } from '../desk/desk-context';
import { fieldId } from '../forms/field-errors';
import { keyboardFormKeyDown } from '../forms/keyboard-form';
import { CustomerSection } from './CustomerSection';
import { DevicesSection } from './DevicesSection';
import type { CustomerDraft, DeviceDraft } from './draft';
import { INTAKE_FORM, useFieldProps } from './field-props';
import { deviceTabForErrors, focusFirstError } from './focus-first-error';
import classes from './IntakeScreen.module.css';
import { CheckInResultPanel } from './result/CheckInResultPanel';
import { isRepairer, TechnicianSelect } from './TechnicianSelect';
import { touchedDevicePaths } from './touched-paths';
import { useCheckIn } from './useCheckIn';
import { useCustomerDetail } from './useCustomerDetail';
import { isBlankDraft } from './draft-store';
import { useIntakeDraft } from './useIntakeDraft';
import type { IntakePrefill } from './prefill';
import { useKeptDraft } from './useKeptDraft';
import { useWarrantyAssessments } from './useWarrantyAssessments';

interface Props {
  onStartNew(): void;
  /** Whether anything is typed and not yet checked in: a new intake then asks first. */
  onBlankChange(blank: boolean): void;
  /** What a new intake starts from when opened from a customer's page. */
  prefill?: IntakePrefill | null;
}

export function IntakeScreen({ onStartNew, onBlankChange, prefill = null }: Props) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const [draft, actions] = useIntakeDraft(prefill);
  const [activeIndex, setActiveIndex] = useState(0);
  const warranties = useWarrantyAssessments(draft.devices);
  const checkIn = useCheckIn(warranties);
  // An update from the intake reads the record again, so the Update customer offer goes away.
  const [customerVersion, setCustomerVersion] = useState(0);
  const [customerUpdated, setCustomerUpdated] = useState(false);
  const customerDetail = useCustomerDetail(draft.customer.id, customerVersion);
  const customerOwner = staff.find((person) => person.id === customerDetail?.ownerTechnicianId && isRepairer(staff, person.id)) ?? null;
  const field = useFieldProps(checkIn.errors);
  const form = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState<string[] | null>(null);
  const kept = useKeptDraft(draft, actions.restore, checkIn.submitted !== null);
  const blank = checkIn.submitted !== null || isBlankDraft(draft);

  useEffect(() => onBlankChange(blank), [blank, onBlankChange]);

  useEffect(() => {
    document.getElementById(fieldId(INTAKE_FORM, 'customer.name'))?.focus();
  }, []);
  useEffect(() => {
    if (focusRequest) focusFirstError(focusRequest);
  }, [focusRequest]);

  if (checkIn.submitted) {
    return <CheckInResultPanel result={checkIn.submitted.result} devices={checkIn.submitted.devices} onStartNew={onStartNew} />;
  }

  const submit = async () => {
    const paths = Object.keys(await checkIn.submit(draft));
    if (paths.length === 0) return;
    setActiveIndex(deviceTabForErrors(paths, activeIndex));
    setFocusRequest(paths);
  };

  const changeCustomer = (patch: Partial<Omit<CustomerDraft, 'id'>>) => {
    actions.setCustomer(patch);
    for (const name of Object.keys(patch)) checkIn.clearError(`customer.${name}`);
  };
  const pickCustomer = (customer: CustomerSummary) => {
    const owner = isRepairer(staff, customer.ownerTechnicianId) ? customer.ownerTechnicianId : null;
    actions.linkCustomer(customer, owner);
    setCustomerUpdated(false);
    for (const name of ['name', 'phone', 'address', 'notes']) checkIn.clearError(`customer.${name}`);
  };
  const changeDevice = (index: number, patch: Partial<Omit<DeviceDraft, 'key'>>) => {
    actions.setDevice(index, patch);
    for (const path of touchedDevicePaths(index, patch)) checkIn.clearError(path);
  };
  const addDevice = () => {
    if (draft.devices.length >= LIMITS.devicesPerIntake) return;
    actions.addDevice();
    setActiveIndex(draft.devices.length);
    // From the keyboard too, typing goes on in the new device's first field.
    setFocusRequest([`devices.${draft.devices.length}.type`]);
  };
  const removeDevice = (index: number) => {
    // Later devices move up a place, so their errors no longer match: they are re-checked on submit.
    for (const path of Object.keys(checkIn.errors)) if (path.startsWith('devices.')) checkIn.clearError(path);
    actions.removeDevice(index);
    setActiveIndex(Math.max(0, Math.min(index, draft.devices.length - 2)));
  };

  const hasErrors = Object.keys(checkIn.errors).length > 0;

  return (
    <form
      ref={form}
      noValidate
      aria-labelledby="intake-title"
      onKeyDown={keyboardFormKeyDown(() => form.current?.requestSubmit())}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id="intake-title">
            {t('intake.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('intake.keyboardHint')}
          </Text>
        </Group>
        {kept.restored && (
          <Alert color="blue" variant="light" py={6} role="status">
            {t('counter.draft.restored')}
          </Alert>
        )}
        <CustomerSection
          customer={draft.customer}
          detail={customerDetail}
          field={field}
          onChange={changeCustomer}
          onPick={pickCustomer}
          onUnlink={actions.unlinkCustomer}
          ownerName={customerOwner?.name ?? null}
          updated={customerUpdated}
          onUpdated={() => {
            setCustomerUpdated(true);
            setCustomerVersion((version) => version + 1);
          }}
        />
        <DevicesSection
          devices={draft.devices}
          activeIndex={Math.min(activeIndex, draft.devices.length - 1)}
          onActivate={setActiveIndex}
          warranties={warranties}
          errors={checkIn.errors}
          field={field}
          onChange={changeDevice}
          onAdd={addDevice}
          onRemove={removeDevice}
        />
      </Stack>
      <Paper className={classes.actions} withBorder shadow="sm" p="sm">
        <Group justify="space-between" align="center" wrap="nowrap">
          <TechnicianSelect value={draft.technicianId} onChange={actions.setTechnician} field={field} />
          <Group gap="sm" wrap="nowrap" align="center">
            {hasErrors && (
              <Alert color="red" variant="light" py={6} role="alert">
                {t('intake.fixErrors')}
              </Alert>
            )}
            {!hasErrors && checkIn.failure && (
              <Alert color="red" variant="light" py={6} role="alert">
                {checkIn.failure.message || t(`errors.${checkIn.failure.code}` as 'errors.internal')}
              </Alert>
            )}
            <Button type="submit" size="md" data-enter-target disabled={checkIn.saving} miw={140}>
              {checkIn.saving ? t('intake.checkingIn') : t('intake.checkIn')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </form>
  );
}
