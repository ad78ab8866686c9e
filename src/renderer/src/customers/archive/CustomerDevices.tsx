// Every device the customer has brought in, each with a button to start a new intake for it.
import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerArchive } from '../../../../shared/customer-care-contract';
import type { IntakePrefill } from '../../shell/intake-request';
import { Section } from './CustomerPage';
import { summaryOf } from './summary-of';

export function CustomerDevices({ customer, onNewIntake }: { customer: CustomerArchive; onNewIntake(prefill: IntakePrefill): void }) {
  const { t } = useTranslation();
  return (
    <Section title={t('care.page.devices')}>
      {customer.devices.length === 0 ? (
        <Text c="dimmed">{t('care.page.noTickets')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('care.page.device')}</Table.Th>
              <Table.Th>{t('care.page.serial')}</Table.Th>
              <Table.Th>{t('care.page.repairs')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {customer.devices.map((device) => (
              <Table.Tr key={device.id}>
                <Table.Td>
                  {t(`deviceType.${device.type}` as 'deviceType.phone')} · {device.brand} {device.model} {device.colour}
                </Table.Td>
                <Table.Td>{device.serial || t('care.page.none')}</Table.Td>
                <Table.Td>{device.ticketCount}</Table.Td>
                <Table.Td>
                  {customer.mergedIntoId === null && (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`${t('care.page.newIntakeDevice')}: ${device.brand} ${device.model}`}
                      onClick={() =>
                        onNewIntake({
                          customer: summaryOf(customer),
                          device: { type: device.type, brand: device.brand, model: device.model, serial: device.serial, colour: device.colour },
                        })
                      }
                    >
                      {t('care.page.newIntakeDevice')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
