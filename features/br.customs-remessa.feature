Feature: br.customs-remessa - simplified taxation of international remittances to Brazil
  From 1 August 2024 remittances to individuals pay 20 % import tax up to USD 50 and 60 % minus
  USD 20 up to USD 3,000; above USD 3,000 the simplified regime is not available.

  @BR.CUS.REMESSA_2024.RELIEF_CLAIMED
  Scenario: A USD 40 parcel declared free of import tax goes to review
    Given a shipment from "CN" to "BR" with:
      """
      b2c: true
      consignee: {name: Ana Souza, address: Av. Paulista 1000, country: BR, tax_id: "390.533.447-05", tax_id_type: br_cpf}
      declared_value: {amount: 40, currency: USD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 40, currency: USD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                               | severity | market | field |
      | BR.CUS.REMESSA_2024.RELIEF_CLAIMED | review   | BR     | duty_relief_claimed, mode, b2c, items[0].hs_code |

  @BR.CUS.REMESSA_2024.RELIEF_CLAIMED
  Scenario: On 31 July 2024 a parcel could still be declared tax-free
    Given a shipment from "CN" to "BR" with:
      """
      b2c: true
      consignee: {name: Ana Souza, address: Av. Paulista 1000, country: BR, tax_id: "390.533.447-05", tax_id_type: br_cpf}
      declared_value: {amount: 40, currency: USD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 40, currency: USD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2024-07-31"
    Then there are no findings

  @BR.CUS.REMESSA_2024.OVER_3000
  Scenario: An express parcel of USD 3,500 to a person cannot go as a remessa
    Given a shipment from "CN" to "BR" with:
      """
      b2c: true
      consignee: {name: Ana Souza, address: Av. Paulista 1000, country: BR, tax_id: "390.533.447-05", tax_id_type: br_cpf}
      declared_value: {amount: 3500, currency: USD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 3500, currency: USD}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field |
      | BR.CUS.REMESSA_2024.OVER_3000 | review   | BR     | mode, b2c, declared_value |
