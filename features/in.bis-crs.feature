Feature: in.bis-crs - India - BIS Compulsory Registration Scheme (R-number) for electronics and IT goods
  Products notified under the Electronics and Information Technology Goods (Requirements for
  Compulsory Registration) Order 2012 (in force 3 Jul 2013, product groups added since) may not be
  manufactured, imported, stored or sold in India without BIS registration; product and packaging
  carry the Standard Mark with the registration number (R- followed by 8 digits) and the IS number.
  Which listing is a notified product is read from words for the groups the brief names (mobile
  phones, power banks, adapters, laptops and tablets, LED lamps, lithium-ion cells and batteries,
  smart watches): the word list is the uncertain part, and the dates on which later groups were
  added are not in the brief, so every group is screened from 2013. The number format is brief M, so
  a malformed number is a review.

  @IN.BIS.CRS_NO_REGISTRATION
  Scenario: Compulsory-registration product offered for India without a BIS regist: power bank with no marks
    Given a listing for market "IN" titled "10000 mAh Power Bank" with:
      """
      attributes: {electrical: true, battery: li-ion}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field |
      | IN.BIS.CRS_NO_REGISTRATION | block    | IN     | title |

  @IN.BIS.CRS_NO_REGISTRATION
  Scenario: Compulsory-registration product offered for India without a BIS regist: smartphone with a BIS claim but no R-number
    Given a listing for market "IN" titled "5G smartphone 128 GB" with:
      """
      attributes: {electrical: true, battery: li-ion}
      certifications:
      - {type: BIS}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field |
      | IN.BIS.CRS_NO_REGISTRATION | block    | IN     | title |

  @IN.BIS.CRS_NO_REGISTRATION
  Scenario: R-number shown (no finding of IN.BIS.CRS_NO_REGISTRATION)
    Given a listing for market "IN" titled "10000 mAh Power Bank" with:
      """
      attributes: {electrical: true, battery: li-ion}
      certifications:
      - type: BIS
        id: R-41012345
        standards: ['IS 13252 (Part 1):2010']
        document: registration
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @IN.BIS.CRS_NO_REGISTRATION
  Scenario: near miss - a laptop bag is not a laptop (no finding of IN.BIS.CRS_NO_REGISTRATION)
    Given a listing for market "IN" titled "Laptop bag 15.6 inch" with:
      """
      attributes: {electrical: false, battery: li-ion}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @IN.BIS.R_NUMBER_FORMAT
  Scenario: BIS registration number not in the R- plus 8 digits form: seven digits
    Given a listing for market "IN" titled "10000 mAh Power Bank" with:
      """
      attributes: {electrical: true, battery: li-ion}
      certifications:
      - {type: BIS, id: R-4101234}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field                                        |
      | IN.BIS.R_NUMBER_FORMAT | review   | IN     | certifications[0].id, certifications[0].type |

  @IN.BIS.R_NUMBER_FORMAT
  Scenario: BIS registration number not in the R- plus 8 digits form: an IS number given instead
    Given a listing for market "IN" titled "10000 mAh Power Bank" with:
      """
      attributes: {electrical: true, battery: li-ion}
      certifications:
      - {type: BIS, id: IS 13252}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field                                        |
      | IN.BIS.R_NUMBER_FORMAT | review   | IN     | certifications[0].id, certifications[0].type |

  @IN.BIS.R_NUMBER_FORMAT
  Scenario: R- and 8 digits (no finding of IN.BIS.R_NUMBER_FORMAT)
    Given a listing for market "IN" titled "10000 mAh Power Bank" with:
      """
      attributes: {electrical: true, battery: li-ion}
      certifications:
      - type: BIS
        id: R-41012345
        standards: ['IS 13252 (Part 1):2010']
        document: registration
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @IN.BIS.R_NUMBER_FORMAT
  Scenario: near miss - no BIS claim at all (the other rule decides) (no finding of IN.BIS.R_NUMBER_FORMAT)
    Given a listing for market "IN" titled "10000 mAh Power Bank" with:
      """
      attributes: {electrical: true, battery: li-ion}
      certifications:
      - {type: CE, id: DoC-1}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field |
      | IN.BIS.CRS_NO_REGISTRATION | block    | IN     | title |
