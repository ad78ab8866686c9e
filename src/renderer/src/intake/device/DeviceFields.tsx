// Every field of one device. Only the active device tab renders this, so each
// label is unique on the page.
import { Divider, Grid, Stack } from '@mantine/core';
import { AccessoriesField } from './AccessoriesField';
import { ConditionField } from './ConditionField';
import { DataQuestionField } from './DataQuestionField';
import { DeviceIdentityFields } from './DeviceIdentityFields';
import type { WarrantyFieldProps } from './device-field-props';
import { FaultFields } from './FaultFields';
import { MoneyAndDateFields } from './MoneyAndDateFields';
import { PasscodeField } from './PasscodeField';
import { WarrantyField } from './WarrantyField';

export function DeviceFields(props: WarrantyFieldProps) {
  return (
    <Stack gap="sm">
      <DeviceIdentityFields {...props} />
      <Grid gap="lg">
        <Grid.Col span={7}>
          <Stack gap="sm">
            <FaultFields {...props} />
            <AccessoriesField {...props} />
            <ConditionField {...props} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={5}>
          <Stack gap="sm">
            <WarrantyField {...props} />
            <DataQuestionField {...props} />
            <Divider />
            <MoneyAndDateFields {...props} />
            <PasscodeField {...props} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
