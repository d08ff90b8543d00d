Feature: eu.vat-marketplace - marketplaces as deemed supplier, non-EU sellers, the 2028 reform
  A marketplace that facilitates a sale is the deemed supplier for VAT of imports of at most
  EUR 150 and of goods in the EU sold by non-EU sellers at any value. A non-EU seller has no
  EUR 10,000 distance-selling threshold. From 1 July 2028 the customer no longer pays import
  VAT at the door.

  @EU.VAT.DEEMED_SUPPLIER.IMPORT
  Scenario: A marketplace that let the seller collect VAT on a low-value import
    Given an order from "CN" to "DE" with:
      """
      marketplace: amazon.de
      marketplace_facilitates: true
      seller: {name: Shenzhen Gadgets Ltd, country: CN}
      ioss_number: IM2760000001
      vat_charged: true
      vat_collection: {scheme: ioss, collected_by: seller, collected_at: checkout, deemed_supplier: false}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                                                                                           |
      | EU.VAT.DEEMED_SUPPLIER.IMPORT | block    | DE     | buyer.type, marketplace_facilitates, ship_from_country, goods_value, vat_collection.deemed_supplier, vat_collection.collected_by |

  @EU.VAT.DEEMED_SUPPLIER.IMPORT
  Scenario: The marketplace collected as deemed supplier under its IOSS number
    Given an order from "CN" to "DE" with:
      """
      marketplace: amazon.de
      marketplace_facilitates: true
      ioss_number: IM2760000001
      vat_charged: true
      vat_collection: {scheme: ioss, collected_by: marketplace as deemed supplier, collected_at: checkout, deemed_supplier: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.VAT.DEEMED_SUPPLIER.EU_STOCK
  Scenario: A non-EU seller's goods in a Polish warehouse sold through a marketplace
    Given an order from "PL" to "DE" with:
      """
      marketplace: allegro.pl
      marketplace_facilitates: true
      seller: {name: Shenzhen Gadgets Ltd, country: CN}
      goods_value: {amount: 420, currency: EUR}
      vat_collection: {scheme: oss, collected_by: seller, collected_at: checkout, deemed_supplier: false}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                            | severity | market | field                                                                                                                    |
      | EU.VAT.DEEMED_SUPPLIER.EU_STOCK | block    | DE     | buyer.type, marketplace_facilitates, ship_from_country, seller.country, vat_collection.deemed_supplier, vat_collection.collected_by |

  @EU.VAT.DIST_THRESHOLD.NON_EU_SELLER
  Scenario: A seller established in France may sell under the threshold from France
    Given an order from "FR" to "DE" with:
      """
      marketplace: own-shop
      marketplace_facilitates: false
      seller: {name: Gadgets SARL, country: FR}
      vat_charged: false
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.VAT.DIST_THRESHOLD.NON_EU_SELLER
  Scenario: A US seller ships from a French warehouse to Germany without German VAT
    Given an order from "FR" to "DE" with:
      """
      marketplace: own-shop
      marketplace_facilitates: false
      seller: {name: Acme Outfitters LLC, country: US}
      vat_charged: false
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                               | severity | market | field                                                                                   |
      | EU.VAT.DIST_THRESHOLD.NON_EU_SELLER | block    | DE     | buyer.type, marketplace_facilitates, ship_from_country, market, seller.country, vat_charged |

  @EU.VAT.2028.PAY_AT_DELIVERY
  Scenario: Until 30 June 2028 the customer may pay import VAT at the door
    Given an order from "CN" to "IT" with:
      """
      marketplace: own-shop
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2028-06-30"
    Then there are no findings

  @EU.VAT.2028.PAY_AT_DELIVERY
  Scenario: From 1 July 2028 the customer no longer pays VAT at the door
    Given an order from "CN" to "IT" with:
      """
      marketplace: own-shop
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2028-07-01"
    Then the findings are exactly:
      | rule                        | severity | market | field                                                     |
      | EU.VAT.2028.PAY_AT_DELIVERY | review   | IT     | buyer.type, ship_from_country, vat_collection.collected_at, vat_collection.collected_by |
